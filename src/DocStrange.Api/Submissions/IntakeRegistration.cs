using DocStrange.Api.Endpoints;
using DocStrange.Api.FromUrl;
using DocStrange.Api.Resumable;
using DocStrange.Storage;

namespace DocStrange.Api.Submissions;

/// <summary>Registers and maps the other ways in beside <c>POST /documents</c>: from-url, sync, batch and resumable uploads.</summary>
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

    /// <summary>Their routes.</summary>
    public static RouteGroupBuilder MapIntakeEndpoints(this RouteGroupBuilder api)
    {
        api.MapFromUrlEndpoints();
        api.MapSyncEndpoints();
        api.MapBatchEndpoints();
        api.MapUploadEndpoints();
        return api;
    }
}
