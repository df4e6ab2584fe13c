using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// What a drawing (DrawingML <c>w:drawing</c>, VML <c>w:pict</c>, an embedded object) holds, in
/// order: the content of its text boxes (walked like the body, so their paragraphs, lists and tables
/// keep their roles), its pictures as picture blocks whose text is the alt text, and its charts as a
/// picture followed by the chart's data table (<see cref="ChartTables"/>). A shape with neither text nor
/// picture gives nothing.
/// </summary>
internal static class WordDrawings
{
    public static IEnumerable<Block> Read(OpenXmlElement drawing, WordBodyWalker walker)
    {
        var blocks = new List<Block>();
        var docAlt = drawing.Descendants<Wp.DocProperties>().Select(Alt).FirstOrDefault(a => a.Length > 0) ?? "";
        foreach (var element in Walk(drawing))
        {
            switch (element)
            {
                case TextBoxContent box:
                    blocks.AddRange(walker.Nested(box));
                    break;
                case Pic.Picture picture:
                    var alt = picture.NonVisualPictureProperties?.NonVisualDrawingProperties is { } nv ? Alt(nv.Description?.Value, nv.Title?.Value) : "";
                    blocks.Add(Picture(alt.Length > 0 ? alt : docAlt, walker, picture.BlipFill?.Blip?.Embed?.Value));
                    break;
                case C.ChartReference chart:
                    blocks.Add(Picture(docAlt, walker, null));
                    if (chart.Id?.Value is { } id && walker.Part.TryGetPartById(id, out var part) && part is ChartPart chartPart)
                    {
                        blocks.AddRange(ChartTables.Read(chartPart, WordContext.Page));
                    }
                    break;
                case var image when image.LocalName == "imagedata":
                    var shapeAlt = image.Parent?.GetAttributes().FirstOrDefault(a => a.LocalName == "alt").Value ?? "";
                    var title = image.GetAttributes().FirstOrDefault(a => a.LocalName == "title").Value ?? "";
                    var imageId = image.GetAttributes().FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri.Contains("relationships", StringComparison.Ordinal)).Value;
                    blocks.Add(Picture(shapeAlt.Length > 0 ? shapeAlt : title, walker, imageId));
                    break;
            }
        }
        return blocks;
    }

    // Text boxes, pictures and charts in document order, not looking inside a text box (its walker does)
    // nor into the fallback of alternate content when a choice is there. Iterative: a crafted drawing
    // cannot exhaust the stack.
    private static IEnumerable<OpenXmlElement> Walk(OpenXmlElement element)
    {
        var stack = new Stack<OpenXmlElement>(element.ChildElements.Reverse());
        while (stack.Count > 0)
        {
            var child = stack.Pop();
            if (child is TextBoxContent or Pic.Picture or C.ChartReference || child.LocalName == "imagedata")
            {
                yield return child;
                continue;
            }
            if (child is AlternateContentFallback && child.Parent?.GetFirstChild<AlternateContentChoice>() is not null) continue;
            if (child is AlternateContentChoice && child.PreviousSibling() is AlternateContentChoice) continue;
            foreach (var grandchild in child.ChildElements.Reverse()) stack.Push(grandchild);
        }
    }

    // A chart has no image part: it stays a placeholder, its data follows as a table.
    private static Block Picture(string alt, WordBodyWalker walker, string? imageId) => new()
    {
        Role = BlockRole.Picture,
        Text = alt,
        Image = walker.Context.WithImages && OpenXmlImages.Read(walker.Part, imageId) is { } bytes ? new PictureImage { Bytes = bytes } : null,
        Provenance = WordContext.Page,
    };

    private static string Alt(Wp.DocProperties properties) => Alt(properties.Description?.Value, properties.Title?.Value);

    private static string Alt(string? description, string? title) =>
        Layout.TextCleanup.Normalize(!string.IsNullOrWhiteSpace(description) ? description : title ?? "");
}
