using System.Globalization;
using DocStrange.Document.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace DocStrange.Extraction.Formats.OpenXml;

/// <summary>
/// A DrawingML chart part (shared by Word, Excel and PowerPoint) as a caption with its title and a
/// table of the data cached in the part: one row per category (or x value), one column per series,
/// headed by the series names. Charts whose part caches no values give the caption alone.
/// </summary>
internal static class ChartTables
{
    private const int MaxPoints = 100_000;

    /// <summary>The blocks for the chart in <paramref name="part"/>.</summary>
    public static IEnumerable<Block> Read(ChartPart part, Provenance provenance)
    {
        var space = part.ChartSpace;
        if (space is null) yield break;
        var chart = space.ChildElements.FirstOrDefault(e => e.LocalName == "chart");
        if (chart is null) yield break;
        var title = Title(chart);
        var plotArea = chart.ChildElements.FirstOrDefault(e => e.LocalName == "plotArea");
        var series = plotArea?.ChildElements.Where(e => e.LocalName.EndsWith("Chart", StringComparison.Ordinal))
            .SelectMany(c => c.ChildElements.Where(s => s.LocalName == "ser")).ToList() ?? [];
        if (title.Length > 0) yield return new Block { Role = BlockRole.Caption, Text = title, Provenance = provenance };
        if (ToTable(series) is { } table) yield return new Block { Role = BlockRole.Table, Table = table, Provenance = provenance };
    }

    private static Table? ToTable(List<OpenXmlElement> series)
    {
        if (series.Count == 0) return null;
        var categories = new SortedDictionary<int, string>();
        var values = new List<Dictionary<int, string>>();
        var names = new List<string>();
        foreach (var ser in series)
        {
            names.Add(Points(Child(ser, "tx")).Values.FirstOrDefault() ?? Child(ser, "tx")?.InnerText ?? "");
            foreach (var (index, text) in Points(Child(ser, "cat") ?? Child(ser, "xVal"))) categories.TryAdd(index, text);
            values.Add(Points(Child(ser, "val") ?? Child(ser, "yVal")));
        }
        var indexes = categories.Keys.Union(values.SelectMany(v => v.Keys)).Distinct().Order().Take(MaxPoints).ToList();
        if (indexes.Count == 0) return null;
        var cells = new List<TableCell> { new(0, 0, "", IsHeader: true) };
        for (var s = 0; s < names.Count; s++) cells.Add(new TableCell(0, s + 1, names[s], IsHeader: true));
        for (var r = 0; r < indexes.Count; r++)
        {
            var i = indexes[r];
            cells.Add(new TableCell(r + 1, 0, categories.TryGetValue(i, out var category) ? category : (i + 1).ToString(CultureInfo.InvariantCulture)));
            for (var s = 0; s < values.Count; s++) cells.Add(new TableCell(r + 1, s + 1, values[s].TryGetValue(i, out var v) ? v : ""));
        }
        return new Table(indexes.Count + 1, names.Count + 1, cells);
    }

    // The cached points (c:pt idx="n"><c:v>) under a reference or literal, by index; a literal c:v alone is index 0.
    private static Dictionary<int, string> Points(OpenXmlElement? element)
    {
        var points = new Dictionary<int, string>();
        if (element is null) return points;
        foreach (var pt in element.Descendants().Where(e => e.LocalName == "pt"))
        {
            var idx = pt.GetAttributes().FirstOrDefault(a => a.LocalName == "idx").Value;
            var v = pt.ChildElements.FirstOrDefault(e => e.LocalName == "v")?.InnerText ?? "";
            if (int.TryParse(idx, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && points.Count < MaxPoints) points.TryAdd(i, Number(v));
        }
        if (points.Count == 0 && element.ChildElements.FirstOrDefault(e => e.LocalName == "v") is { } literal) points[0] = literal.InnerText;
        return points;
    }

    // Cached numbers are written with full precision ("0.30000000000000004"); show them as a person would.
    private static string Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Length > 15
            ? Math.Round(d, 10).ToString("G15", CultureInfo.InvariantCulture)
            : text;

    private static string Title(OpenXmlElement chart)
    {
        var title = Child(chart, "title");
        if (title is null) return "";
        var texts = title.Descendants().Where(e => e.LocalName is "t" or "v").Select(e => e.InnerText);
        return Layout.TextCleanup.Normalize(string.Concat(texts));
    }

    private static OpenXmlElement? Child(OpenXmlElement? parent, string name) => parent?.ChildElements.FirstOrDefault(e => e.LocalName == name);
}
