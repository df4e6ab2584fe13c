namespace DocStrange.Document.Model;

/// <summary>
/// The pixels of a picture block as the source file stores them (or a rendered crop of its region):
/// the encoded bytes, their format, their size in pixels and the file name they are exported under.
/// Readers set the bytes only; the converter checks them and fills in the rest.
/// </summary>
public sealed record PictureImage
{
    /// <summary>The encoded image.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>The format's short name (<c>png</c>, <c>jpeg</c>, <c>gif</c>, <c>bmp</c>, <c>tiff</c>, <c>webp</c>); empty until checked.</summary>
    public string Format { get; init; } = "";

    /// <summary>Width in pixels; 0 until checked.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels; 0 until checked.</summary>
    public int Height { get; init; }

    /// <summary>The file name under <c>images/</c>: <c>&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c>, n counting the page's images from 1; empty until checked.</summary>
    public string Name { get; init; } = "";

    /// <summary>The media type, e.g. <c>image/png</c>.</summary>
    public string MediaType => "image/" + Format;
}
