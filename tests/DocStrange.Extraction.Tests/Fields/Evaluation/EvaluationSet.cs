using System.Diagnostics;
using System.Text.Json;
using DocStrange.Document.Fields;
using DocStrange.Document.Model;
using DocStrange.Extraction.Fields;

namespace DocStrange.Extraction.Tests.Fields.Evaluation;

/// <summary>
/// The generated evaluation set of tests/fields: each document's HTML and expected fields, the schema of its
/// kind, and a run of the converter with field extraction over it, scored per kind.
/// </summary>
internal static class EvaluationSet
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fields");

    /// <summary>The documents' names (<c>invoice-01</c>), in order.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetFiles(Path.Combine(Root, "docs"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    /// <summary>Converts each named document from <paramref name="folder"/> (as <paramref name="extension"/>) with its kind's schema, and scores it.</summary>
    public static async Task<Scores> RunAsync(IEnumerable<string> names, string folder, string extension)
    {
        var converter = DocumentConverter.CreateDefault();
        var scores = new Scores();
        var clock = Stopwatch.StartNew();
        foreach (var name in names)
        {
            var document = await converter.ConvertFileAsync(Path.Combine(folder, name + extension));
            Score(name, document, scores);
        }
        scores.Elapsed = clock.Elapsed;
        return scores;
    }

    /// <summary>Converts a file of the whole set, one document a page in the order of set.txt, and scores each page as its document.</summary>
    public static async Task<Scores> RunPagesAsync(string file)
    {
        var names = File.ReadAllLines(Path.Combine(Root, "set.txt")).Where(n => n.Length > 0).ToList();
        var clock = Stopwatch.StartNew();
        var whole = await DocumentConverter.CreateDefault().ConvertFileAsync(file);
        Assert.Equal(names.Count, whole.Pages.Count);
        var scores = new Scores();
        for (var page = 1; page <= names.Count; page++)
        {
            var number = page;
            var document = whole with
            {
                Pages = [.. whole.Pages.Where(p => p.Number == number)],
                Blocks = [.. whole.Blocks.Where(b => b.Provenance?.Page == number)],
            };
            Score(names[page - 1], document, scores);
        }
        scores.Elapsed = clock.Elapsed;
        return scores;
    }

    private static void Score(string name, DocumentModel document, Scores scores)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "docs", name + ".json")));
        var kind = expected.RootElement.GetProperty("kind").GetString()!;
        var request = FieldSchemaParser.Parse(File.ReadAllText(Path.Combine(Root, "schemas", kind + ".schema.json")));
        var clock = Stopwatch.StartNew();
        var extracted = FieldExtractor.Extract(document, request);
        scores.Extraction += clock.Elapsed;
        scores.SchemaErrors += extracted.SchemaErrors.Count;
        var leafNames = request.Fields.Where(f => f.Type != FieldType.Array).Select(f => f.Name);
        FieldScorer.Score(expected.RootElement, extracted.Data, leafNames, scores.FieldsOf(kind), scores.Items, m => scores.Misses.Add($"{name} {m}"));
        scores.Documents++;
    }
}

/// <summary>The tallies of one run: fields per document kind, and line items over all kinds.</summary>
internal sealed class Scores
{
    public Dictionary<string, Tally> Fields { get; } = new(StringComparer.Ordinal);

    public Tally Items { get; } = new();

    public int Documents { get; set; }

    /// <summary>Each value not right, "document path: expected ≠ given".</summary>
    public List<string> Misses { get; } = [];

    public int SchemaErrors { get; set; }

    /// <summary>The whole run: converting and extracting.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>The time spent extracting fields alone (schema validation included).</summary>
    public TimeSpan Extraction { get; set; }

    public Tally FieldsOf(string kind) => Fields.TryGetValue(kind, out var tally) ? tally : Fields[kind] = new Tally();

    public Tally AllFields()
    {
        var all = new Tally();
        foreach (var tally in Fields.Values) all.Add(tally);
        return all;
    }

    public string Report() => string.Join('\n',
        Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key,-15} {f.Value}")
            .Append($"{"all fields",-15} {AllFields()}")
            .Append($"{"line items",-15} {Items}")
            .Append($"{Documents} documents, {Elapsed.TotalMilliseconds / Math.Max(1, Documents):0.0} ms each, of which fields {Extraction.TotalMilliseconds / Math.Max(1, Documents):0.0} ms; {SchemaErrors} schema errors")
            .Concat(Misses.Take(40)));
}
