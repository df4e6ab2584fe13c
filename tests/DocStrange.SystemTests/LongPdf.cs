using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DocStrange.SystemTests;

/// <summary>Makes a born-digital PDF long enough that converting it takes seconds.</summary>
internal static class LongPdf
{
    public static byte[] Create(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 1; p <= pages; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var line = 0; line < 45; line++)
            {
                page.AddText($"Page {p}, line {line}: the quick brown fox jumps over the lazy dog again and again.", 10,
                    new PdfPoint(50, 790 - line * 16), font);
            }
        }
        return builder.Build();
    }
}
