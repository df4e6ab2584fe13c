using DocStrange.Jobs;
using DocStrange.Api.Auth;
using DocStrange.Api.Endpoints;
using DocStrange.Api.Errors;
using DocStrange.Api.Health;
using DocStrange.Api.Http;
using DocStrange.Api.Metrics;
using DocStrange.Api.Security;
using DocStrange.Api.RateLimiting;
using DocStrange.Api.Intake;
using DocStrange.Api.OpenApi;
using DocStrange.Document.Files;
using DocStrange.Jobs.Ports;
using DocStrange.Jobs.Tenancy;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace DocStrange.Api;

/// <summary>Registers and maps the HTTP API.</summary>
public static class DocStrangeApiExtensions
{
    /// <summary>The API's services: JSON conventions, errors, uploads, health, OpenAPI.</summary>
    public static IHostApplicationBuilder AddDocStrangeApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ApiOptions>(ApiOptions.Section);
        services.AddValidatedOptions<TiersOptions>(TiersOptions.Section);
        services.AddHttpHardening();
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddSingleton<AdminKey>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddValidatedOptions<LimitsOptions>(LimitsOptions.Section);
        services.AddLlmOptions();
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<AcceptedFileTypes>();
        services.AddSingleton<InputWriter>();
        services.AddSingleton<DocumentIntake>();
        services.AddSingleton<MultipartUploadReader>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<ResultLinks>();
        services.AddDocStrangeIntake();
        services.AddSingleton<HealthProbe>();
        services.AddDocStrangeMetrics();
        // An API process without workers: no live slots, and every allow-listed kind accepted.
        services.TryAddSingleton<ILiveWorkers, NoLocalWorkers>();
        services.TryAddSingleton<IFormatCatalog, AllowListFormatCatalog>();
        services.AddDocStrangeOpenApi();
        return builder;
    }

    /// <summary>The middleware and routes: the edge protections (trusted proxies, security headers, CORS), request ids, metrics, the error boundary, request limits, <c>/api/v1</c>, OpenAPI, <c>/docs</c> and the web page.</summary>
    public static WebApplication MapDocStrangeApi(this WebApplication app)
    {
        app.UseHttpHardening();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        // Early, so refusals and errors of the later middleware are counted with their status codes.
        app.MapDocStrangeMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseRequestLimits();
        app.UseMiddleware<CallerMiddleware>();
        app.UseMiddleware<RequestRateMiddleware>();

        var api = app.MapGroup("/api/v1").WithTags("DocStrange");
        api.MapDocumentEndpoints();
        api.MapIntakeEndpoints();
        api.MapJobEndpoints();
        api.MapJobEventEndpoints();
        api.MapResultEndpoints();
        api.MapSystemEndpoints();
        api.MapAdminKeyEndpoints();
        api.MapUsageEndpoints();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapErrorDocs();
        app.MapScalarApiReference("/docs", o => o.WithTitle("DocStrange API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapWebPage();
        return app;
    }

    private sealed class NoLocalWorkers : ILiveWorkers
    {
        public Task<WorkerCounts> CountAsync(string? pool, CancellationToken cancellationToken) => Task.FromResult(WorkerCounts.None);
    }

    private sealed class AllowListFormatCatalog : IFormatCatalog
    {
        public IReadOnlyCollection<FileKind> InputKinds { get; } = [.. Enum.GetValues<FileKind>().Where(k => k != FileKind.Unknown)];
    }
}
