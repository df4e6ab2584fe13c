using DocStrange.Document.Conversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocStrange.Jobs;

/// <summary>How every part of the service registers its settings, so each host validates them the same way.</summary>
public static class ValidatedOptions
{
    /// <summary>Binds a section, validates it at start (naming the bad key), and registers the value itself.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>Registers the LLM engine's settings (<see cref="LlmOptions"/>) once, however many parts of a host (API, workers) ask for them.</summary>
    public static IServiceCollection AddLlmOptions(this IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(LlmOptions)) ? services : services.AddValidatedOptions<LlmOptions>(LlmOptions.Section);
}
