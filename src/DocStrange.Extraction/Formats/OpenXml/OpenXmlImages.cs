using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.OpenXml;

/// <summary>The bytes of an image part that a drawing refers to by relationship id (<c>r:embed</c>), as the package stores them.</summary>
internal static class OpenXmlImages
{
    /// <summary>The image's bytes, or null when the id names no image part of <paramref name="part"/> (a linked image, a broken reference).</summary>
    public static byte[]? Read(OpenXmlPart part, string? relationshipId)
    {
        if (string.IsNullOrEmpty(relationshipId) || !part.TryGetPartById(relationshipId, out var target) || target is not ImagePart image) return null;
        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
