using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocStrange.Extraction.Tests.Fields.Evaluation;

/// <summary>
/// Scores an extracted object against a document's expected fields: per field, exact match after
/// normalisation (text compared case- and space-insensitively, numbers to the cent, dates and booleans as
/// they are). Line items are compared row by row and property by property; rows extracted beyond the
/// expected ones count as wrong, rows missing as missed.
/// </summary>
internal static class FieldScorer
{
    /// <summary>Adds the document's comparisons to the tallies; each value not right goes to <paramref name="miss"/> as "path: expected ≠ given".</summary>
    public static void Score(JsonElement expected, JsonObject data, IEnumerable<string> fieldNames, Tally fields, Tally items, Action<string> miss)
    {
        var want = expected.GetProperty("fields");
        foreach (var name in fieldNames)
        {
            var expectedValue = want.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? e : (JsonElement?)null;
            var given = data[name];
            Compare(fields, name, expectedValue, given, miss);
        }
        if (!data.ContainsKey("line_items") && !expected.TryGetProperty("line_items", out _)) return;
        var wantRows = expected.TryGetProperty("line_items", out var rows) ? rows.EnumerateArray().ToList() : [];
        var gotRows = data["line_items"]?.AsArray() ?? [];
        for (var r = 0; r < Math.Max(wantRows.Count, gotRows.Count); r++)
        {
            var wantRow = r < wantRows.Count ? wantRows[r] : (JsonElement?)null;
            var gotRow = r < gotRows.Count ? gotRows[r]?.AsObject() : null;
            var properties = (wantRow?.EnumerateObject().Select(p => p.Name) ?? []).Union(gotRow?.Select(p => p.Key) ?? []);
            foreach (var property in properties)
            {
                var expectedValue = wantRow is { } w && w.TryGetProperty(property, out var v) && v.ValueKind != JsonValueKind.Null ? v : (JsonElement?)null;
                var given = gotRow?[property];
                Compare(items, $"line_items[{r}].{property}", expectedValue, given, miss);
            }
        }
    }

    private static void Compare(Tally tally, string path, JsonElement? expected, JsonNode? given, Action<string> miss)
    {
        var same = expected is { } x && given is not null && Same(x, given);
        tally.Add(expected is not null, given is not null, same);
        if (!same && (expected is not null || given is not null)) miss($"{path}: {expected?.GetRawText() ?? "null"} ≠ {given?.ToJsonString() ?? "null"}");
    }

    private static bool Same(JsonElement expected, JsonNode given)
    {
        var value = given.AsValue();
        return expected.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetValue<decimal>(out var number) && Math.Abs(number - expected.GetDecimal()) < 0.005m
                || value.TryGetValue<long>(out var whole) && whole == expected.GetDecimal(),
            JsonValueKind.True or JsonValueKind.False => value.TryGetValue<bool>(out var flag) && flag == expected.GetBoolean(),
            JsonValueKind.String => value.TryGetValue<string>(out var text) && Normal(text) == Normal(expected.GetString()!),
            _ => false,
        };
    }

    private static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
