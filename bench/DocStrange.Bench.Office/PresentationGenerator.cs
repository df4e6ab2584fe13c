using System.Security;
using DocumentFormat.OpenXml.Packaging;
using P = DocumentFormat.OpenXml.Presentation;

namespace DocStrange.Bench.Office;

/// <summary>
/// Writes a presentation of <c>slides</c> slides from a template (its master, layouts and first slides
/// kept): each added slide has a title, a body placeholder of five bullets (two of them nested), a text
/// box, speaker notes-free, and every third one a 4×3 table.
/// </summary>
internal static class PresentationGenerator
{
    private const string Ns = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";

    public static void Write(string template, string path, int slides)
    {
        File.Copy(template, path, overwrite: true);
        using var document = PresentationDocument.Open(path, true);
        var presentation = document.PresentationPart!;
        var list = presentation.Presentation!.SlideIdList!;
        var layout = presentation.SlideMasterParts.First().SlideLayoutParts.First(l => l.SlideLayout?.CommonSlideData?.Name?.Value?.Contains("Content") == true);
        var nextId = list.Elements<P.SlideId>().Max(s => s.Id!.Value) + 1;
        for (var n = list.Elements<P.SlideId>().Count() + 1; n <= slides; n++)
        {
            var slide = presentation.AddNewPart<SlidePart>();
            using (var writer = new StreamWriter(slide.GetStream(FileMode.Create)))
            {
                writer.Write(SlideXml(n));
            }
            slide.AddPart(layout);
            list.Append(new P.SlideId { Id = nextId++, RelationshipId = presentation.GetIdOfPart(slide) });
        }
        presentation.Presentation.Save();
    }

    private static string SlideXml(int n)
    {
        var bullets = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<a:p>{(i is 3 or 4 ? "<a:pPr lvl=\"1\"/>" : "")}<a:r><a:rPr lang=\"en-US\"/><a:t>{Escape($"Point {i} of slide {n}: revenue, costs & margin moved by {i * n % 17}%")}</a:t></a:r></a:p>"));
        var table = n % 3 == 0 ? Table(n) : "";
        return $"""
            <p:sld {Ns}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
            <p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>Slide {n}: quarterly review</a:t></a:r></a:p></p:txBody></p:sp>
            <p:sp><p:nvSpPr><p:cNvPr id="3" name="Body"/><p:cNvSpPr/><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>{bullets}</p:txBody></p:sp>
            <p:sp><p:nvSpPr><p:cNvPr id="4" name="Note"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="838200" y="6000000"/><a:ext cx="6000000" cy="400000"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:p><a:r><a:t>Source: internal figures, slide {n}.</a:t></a:r></a:p></p:txBody></p:sp>
            {table}</p:spTree></p:cSld></p:sld>
            """;
    }

    private static string Table(int n)
    {
        var rows = string.Concat(Enumerable.Range(0, 4).Select(r =>
            "<a:tr h=\"370840\">" + string.Concat(Enumerable.Range(0, 3).Select(c =>
                $"<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>{(r == 0 ? $"Col {c + 1}" : (r * c * n).ToString())}</a:t></a:r></a:p></a:txBody></a:tc>")) + "</a:tr>"));
        return $"""
            <p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Table"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>
            <p:xfrm><a:off x="6500000" y="1800000"/><a:ext cx="4000000" cy="1500000"/></p:xfrm>
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1"/>
            <a:tblGrid><a:gridCol w="1300000"/><a:gridCol w="1300000"/><a:gridCol w="1300000"/></a:tblGrid>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>
            """;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
