using DocStrange.Api.Errors;
using DocStrange.Document.Errors;

namespace DocStrange.Api.OpenApi;

/// <summary>Endpoint metadata: an error a route may answer with, and the HTTP status it comes with.</summary>
public sealed record ErrorResponse(ErrorCode Code, int Status);

/// <summary>Declares a route's errors, for the OpenAPI document (<see cref="ErrorResponses"/> writes them).</summary>
public static class ErrorResponseConventions
{
    /// <summary>The route may answer with these codes, each with its usual status.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params ErrorCode[] codes) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var code in codes) builder.WithMetadata(new ErrorResponse(code, ErrorStatuses.Of(code)));
        return builder;
    }

    /// <summary>The route may answer with this code under another status than its own (an unknown upload: <c>INVALID_REQUEST</c> as 404).</summary>
    public static TBuilder ProducesError<TBuilder>(this TBuilder builder, ErrorCode code, int status) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ErrorResponse(code, status));
}
