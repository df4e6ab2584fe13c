using DocStrange.Extraction.Layout;
using DocStrange.Extraction.Layout.Lines;
using DocStrange.Extraction.Layout.Tables;

namespace DocStrange.Extraction.Ocr;

/// <summary>
/// Tables on an OCR'd page, found by the same column alignment as on a text layer
/// (<see cref="AlignedTableDetector"/>): the recognised words become layout words (points, the line's
/// font size, the engine's order), the detector runs on their lines, and the words a table takes are
/// removed from the engine's lines, which keep the rest of the page in its order.
/// </summary>
internal static class OcrTables
{
    /// <summary>The tables found and the lines left (a line a table took part of keeps its other words).</summary>
    public static (IReadOnlyList<TableRegion> Tables, List<OcrLine> Remaining) Take(List<OcrLine> lines, double pageWidth, double pageHeight, int pageNumber)
    {
        var byWord = new Dictionary<LayoutWord, OcrWord>(ReferenceEqualityComparer.Instance);
        var sequence = 0;
        foreach (var line in lines)
        {
            foreach (var word in line.Words)
            {
                var size = Math.Max(1, line.FontSize);
                var layoutWord = new LayoutWord(word.Text, word.Box, line.Box.Bottom - 0.2 * size, size) { Sequence = ++sequence, Confidence = word.Confidence };
                byWord[layoutWord] = word;
            }
        }
        if (byWord.Count == 0) return ([], lines);
        var words = byWord.Keys.ToList();
        var content = new PageContent(pageNumber, pageWidth, pageHeight, words);
        var tables = AlignedTableDetector.Instance.Detect(content, LineBuilder.Instance.Build(words));
        if (tables.Count == 0) return ([], lines);
        var taken = new HashSet<OcrWord>(tables.SelectMany(t => t.Words).Select(w => byWord[w]), ReferenceEqualityComparer.Instance);
        var rest = new List<OcrLine>();
        foreach (var line in lines)
        {
            var kept = line.Words.Where(w => !taken.Contains(w)).ToList();
            if (kept.Count == line.Words.Count) rest.Add(line);
            else if (kept.Count > 0) rest.Add(line with { Words = kept, Box = kept.Select(w => w.Box).Aggregate((a, b) => a.Union(b)) });
        }
        return (tables, rest);
    }
}
