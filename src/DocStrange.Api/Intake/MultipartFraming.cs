using DocStrange.Api.Http;
using DocStrange.Document.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace DocStrange.Api.Intake;

/// <summary>
/// The multipart reader with its complaints about the body made into <c>INVALID_REQUEST</c>: a body
/// that ends before its closing boundary (a boundary that is not the one the body uses, an empty or
/// cut body, random bytes), or a part whose headers are malformed, over 16 KB or more than 16. Only
/// the reading of the request is wrapped, so a blob store that fails while the file is written keeps
/// its own error.
/// </summary>
internal static class MultipartFraming
{
    /// <summary>The most bytes of headers one part may have.</summary>
    public const int HeadersLengthLimit = 16 * 1024;

    /// <summary>The most headers one part may have (the reader's default, named here for the message).</summary>
    public const int HeadersCountLimit = 16;

    /// <summary>A reader of <paramref name="body"/> with this service's limits on part headers.</summary>
    public static MultipartReader Reader(string boundary, Stream body) =>
        new(boundary, body) { HeadersLengthLimit = HeadersLengthLimit, HeadersCountLimit = HeadersCountLimit };

    /// <summary>The next part, or null after the closing boundary.</summary>
    public static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception ex) when (MalformedBody.IsCause(ex))
        {
            throw Malformed(ex);
        }
    }

    /// <summary>The part's content, read through <see cref="SectionBody"/> so a body cut inside it is the caller's error.</summary>
    public static Stream BodyOf(MultipartSection section) => new SectionBody(section.Body);

    internal static DocStrangeException Malformed(Exception cause) => new(ErrorCode.InvalidRequest, cause is InvalidDataException
        ? $"A part of the multipart body has malformed headers, or more than {HeadersCountLimit} headers or {HeadersLengthLimit / 1024} KB of them."
        : "The multipart body ends before its closing boundary: it is cut short, or the boundary in Content-Type is not the one the body uses.");
}
