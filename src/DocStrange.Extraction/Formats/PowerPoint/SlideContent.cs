using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using P = DocumentFormat.OpenXml.Presentation;

namespace DocStrange.Extraction.Formats.PowerPoint;

/// <summary>
/// One slide's blocks: its shapes in reading order (<see cref="SlideShapes"/>) as text
/// (<see cref="SlideText"/>), tables (<see cref="SlideTables"/>), charts (a picture, the chart's
/// title and data, <see cref="ChartTables"/>) and pictures with their alt text; then, when asked, the
/// speaker notes as paragraphs (the notes placeholder only, not the slide number or image).
/// </summary>
internal static class SlideContent
{
    public static List<Block> Read(SlidePart slide, int number, bool includeNotes, bool withImages)
    {
        var provenance = new Provenance(number);
        var blocks = new List<Block>();
        foreach (var placed in SlideShapes.InReadingOrder(slide))
        {
            switch (placed.Element)
            {
                case P.Shape shape:
                    blocks.AddRange(SlideText.Read(shape.TextBody, placed.Placeholder, slide, provenance));
                    break;
                case P.Picture picture:
                    var nv = picture.NonVisualPictureProperties?.NonVisualDrawingProperties;
                    var bytes = withImages ? OpenXmlImages.Read(slide, picture.BlipFill?.Blip?.Embed?.Value) : null;
                    blocks.Add(new Block
                    {
                        Role = BlockRole.Picture,
                        Text = Layout.TextCleanup.Normalize(nv?.Description?.Value ?? nv?.Title?.Value ?? ""),
                        Image = bytes is null ? null : new PictureImage { Bytes = bytes },
                        Provenance = provenance,
                    });
                    break;
                case P.GraphicFrame frame:
                    blocks.AddRange(Frame(frame, slide, provenance));
                    break;
            }
        }
        if (includeNotes && slide.NotesSlidePart?.NotesSlide?.CommonSlideData?.ShapeTree is { } notes)
        {
            foreach (var shape in notes.Descendants<P.Shape>())
            {
                var placeholder = SlideShapes.Placeholder(shape);
                if (placeholder?.Type?.Value != P.PlaceholderValues.Body) continue;
                foreach (var paragraph in shape.TextBody?.Elements<A.Paragraph>() ?? [])
                {
                    var (text, spans) = SlideText.Inline(paragraph, slide.NotesSlidePart);
                    if (text.Length > 0) blocks.Add(new Block { Role = BlockRole.Paragraph, Text = text, Spans = spans, Provenance = provenance });
                }
            }
        }
        return blocks;
    }

    private static IEnumerable<Block> Frame(P.GraphicFrame frame, SlidePart slide, Provenance provenance)
    {
        var data = frame.Graphic?.GraphicData;
        if (data?.GetFirstChild<A.Table>() is { } table)
        {
            if (SlideTables.Read(table, slide) is { } grid) yield return new Block { Role = BlockRole.Table, Table = grid, Provenance = provenance };
            yield break;
        }
        if (data?.GetFirstChild<C.ChartReference>() is { Id.Value: { } id })
        {
            var nv = frame.NonVisualGraphicFrameProperties?.NonVisualDrawingProperties;
            yield return new Block { Role = BlockRole.Picture, Text = Layout.TextCleanup.Normalize(nv?.Description?.Value ?? ""), Provenance = provenance };
            if (slide.TryGetPartById(id, out var part) && part is ChartPart chart)
            {
                foreach (var block in ChartTables.Read(chart, provenance)) yield return block;
            }
        }
    }
}
