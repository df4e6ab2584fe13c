using System.Text;

namespace DocStrange.Extraction.Tests;

/// <summary>A PDF written object by object (object 1 is the catalog), with a correct cross-reference table.</summary>
internal static class HandWrittenPdf
{
    public static byte[] Of(params string[] objects)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // Latin-1 writes each char as one byte, so a stream's binary data can be given as a string of chars 0-255.
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A stream object's text.</summary>
    public static string Stream(string dictionary, string content) => $"<< {dictionary} /Length {content.Length} >>\nstream\n{content}\nendstream";
}
