using DocStrange.Api.Http;

namespace DocStrange.Api.Intake;

/// <summary>
/// A multipart part's content as the upload code reads it: the same bytes, but a body that breaks off
/// inside the part throws <c>INVALID_REQUEST</c> instead of the reader's <see cref="IOException"/>.
/// </summary>
internal sealed class SectionBody(Stream section) : AsyncReadStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await section.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (MalformedBody.IsCause(ex))
        {
            throw MultipartFraming.Malformed(ex);
        }
    }
}
