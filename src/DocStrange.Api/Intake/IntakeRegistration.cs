using DocStrange.Jobs;

namespace DocStrange.Api.Intake;

/// <summary>Registers the other ways in beside <c>POST /documents</c>: from-url, sync, batch and resumable uploads (their routes: <c>IntakeEndpoints</c>).</summary>
internal static class IntakeRegistration
{
    /// <summary>Their settings (validated at start) and services.</summary>
    public static IServiceCollection AddDocStrangeIntake(this IServiceCollection services)
    {
        services.AddValidatedOptions<FromUrlOptions>(FromUrlOptions.Section);
        services.AddSingleton<UrlFetcher>();
        services.AddValidatedOptions<SyncOptions>(SyncOptions.Section);
        services.AddValidatedOptions<BatchOptions>(BatchOptions.Section);
        services.AddValidatedOptions<UploadOptions>(UploadOptions.Section);
        services.AddSingleton<ResumableUploads>();
        services.AddHostedService<UploadJanitor>();
        return services;
    }
}
