using DocStrange.Document.Errors;
using DocStrange.Api.Intake;
using Microsoft.AspNetCore.Http.Features;

namespace DocStrange.Api.Security;

/// <summary>
/// Holds JSON request bodies to <see cref="HardeningOptions.MaxJsonBodyBytes"/>: a declared length over
/// it is refused before reading, and the server stops reading a longer body as it arrives. Uploads
/// (multipart) keep the upload limit.
/// </summary>
internal sealed class JsonBodyLimitMiddleware(RequestDelegate next, HardeningOptions options)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType()) return next(http);
        var limit = options.MaxJsonBodyBytes;
        if (http.Request.ContentLength is { } length && length > limit)
        {
            throw new DocStrangeException(ErrorCode.FileTooLarge, $"The JSON body is {Sizes.Format(length)}; the limit is {Sizes.Format(limit)}.",
                new Dictionary<string, object?> { ["request_size"] = length, ["max_size"] = limit });
        }
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit;
        return next(http);
    }
}
