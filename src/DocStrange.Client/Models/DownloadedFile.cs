namespace DocStrange.Client;

/// <summary>What a download wrote: the server's file name and media type, and the bytes copied.</summary>
/// <param name="FileName">The attachment name the server gave (<c>report.pdf.md</c>), if any.</param>
/// <param name="ContentType">The media type (<c>text/markdown</c>, ...), if any.</param>
/// <param name="Length">Bytes written to the destination.</param>
public sealed record DownloadedFile(string? FileName, string? ContentType, long Length);
