using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace DocStrange.Extraction.Formats.Excel;

/// <summary>
/// What a worksheet's drawing holds besides cells: pictures (with their alt text) and charts (a
/// picture, then the chart's title and cached data as a table, <see cref="ChartTables"/>), in the
/// order the drawing anchors them, top to bottom.
/// </summary>
internal static class SheetDrawings
{
    public static IEnumerable<Block> Read(WorksheetPart sheet, Provenance provenance, bool withImages)
    {
        if (sheet.DrawingsPart is not { WorksheetDrawing: { } drawing } part) yield break;
        var anchors = drawing.ChildElements
            .Select(a => (Anchor: a, Row: a.GetFirstChild<Xdr.FromMarker>()?.RowId?.Text is { } r && int.TryParse(r, out var row) ? row : 0))
            .OrderBy(a => a.Row);
        foreach (var (anchor, _) in anchors)
        {
            foreach (var picture in anchor.Descendants<Xdr.Picture>())
            {
                var nv = picture.NonVisualPictureProperties?.NonVisualDrawingProperties;
                var alt = Layout.TextCleanup.Normalize(nv?.Description?.Value ?? nv?.Title?.Value ?? "");
                var bytes = withImages ? OpenXmlImages.Read(part, picture.BlipFill?.Blip?.Embed?.Value) : null;
                yield return new Block { Role = BlockRole.Picture, Text = alt, Image = bytes is null ? null : new PictureImage { Bytes = bytes }, Provenance = provenance };
            }
            foreach (var chart in anchor.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>())
            {
                yield return new Block { Role = BlockRole.Picture, Provenance = provenance };
                if (chart.Id?.Value is { } id && part.TryGetPartById(id, out var chartPart) && chartPart is ChartPart cp)
                {
                    foreach (var block in ChartTables.Read(cp, provenance)) yield return block;
                }
            }
        }
    }
}
