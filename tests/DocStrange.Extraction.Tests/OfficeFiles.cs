using System.IO.Compression;
using System.Text;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

/// <summary>Converts office files from bytes and builds small ZIP containers for the bad-input tests.</summary>
internal static class OfficeFiles
{
    public static Task<DocumentModel> Convert(byte[] bytes, string name, ConversionOptions? options = null) =>
        DocumentConverter.CreateDefault().ConvertAsync(new MemoryStream(bytes), new ConversionRequest(name, FileKinds.FromFileName(name), options ?? ConversionOptions.Default));

    /// <summary>A ZIP holding the given entries (text, or a count of zero bytes written in chunks).</summary>
    public static byte[] Zip(params (string Name, object Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                if (content is string text)
                {
                    stream.Write(Encoding.UTF8.GetBytes(text));
                }
                else
                {
                    var chunk = new byte[64 * 1024];
                    for (long left = (long)content; left > 0; left -= chunk.Length) stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The parts of a minimal valid DOCX, with <paramref name="body"/> as the body XML.</summary>
    public static (string, object)[] Docx(string body) =>
    [
        ("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", $"""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"""),
    ];
}
