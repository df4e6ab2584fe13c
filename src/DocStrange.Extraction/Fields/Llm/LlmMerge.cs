using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocStrange.Document.Fields;

namespace DocStrange.Extraction.Fields.Llm;

/// <summary>
/// Builds the fields from the rules' result and the LLM's object: a value the rules found is kept as they found
/// it (an array they read from a table, whole); a field they left null takes the LLM's value, marked
/// <see cref="FieldSource.Llm"/> and traced to the text it stands in when that text is found in the document.
/// </summary>
internal sealed class LlmMerge(DocumentTexts texts, ExtractedFields? rules, LlmAnswer answer, bool omitMissing)
{
    /// <summary>The confidence of an LLM value whose text was found in the document.</summary>
    public const double LocatedConfidence = 0.8;

    /// <summary>The confidence of an LLM value whose text was not found (reworded, computed, or made up).</summary>
    public const double UnlocatedConfidence = 0.5;

    private readonly Dictionary<string, FieldFinding> _rules = (rules?.Findings ?? []).GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First());
    private readonly List<FieldFinding> _findings = [];

    public ExtractedFields Build(IReadOnlyList<FieldSpec> fields)
    {
        var data = new JsonObject();
        Build(fields, "", rules?.Data, answer.Data, data);
        return new ExtractedFields { Data = data, Findings = _findings };
    }

    private void Build(IReadOnlyList<FieldSpec> fields, string prefix, JsonObject? found, JsonObject? given, JsonObject target)
    {
        foreach (var spec in fields)
        {
            var path = prefix + spec.Name;
            var ruled = _rules.GetValueOrDefault(path);
            switch (spec.Type)
            {
                case FieldType.Object:
                    var child = new JsonObject();
                    Build(spec.Properties, path + ".", Member(found, spec.Name) as JsonObject, Member(given, spec.Name) as JsonObject, child);
                    target[spec.Name] = child;
                    break;
                case FieldType.Array when ruled?.Value is not null:
                    target[spec.Name] = Member(found, spec.Name)?.DeepClone();
                    _findings.AddRange(rules!.Findings.Where(f => f.Path == path || f.Path.StartsWith(path + "[", StringComparison.Ordinal)));
                    break;
                case FieldType.Array when Member(given, spec.Name) is JsonArray items:
                    AddItems(target, spec, path, items);
                    break;
                case FieldType.Array:
                    Missing(target, spec, path, ruled);
                    break;
                default:
                    if (ruled?.Value is not null)
                    {
                        target[spec.Name] = Member(found, spec.Name)?.DeepClone();
                        _findings.Add(ruled);
                    }
                    else if (Member(given, spec.Name) is { } value)
                    {
                        target[spec.Name] = value.DeepClone();
                        _findings.Add(Located(path, value));
                    }
                    else
                    {
                        Missing(target, spec, path, ruled);
                    }
                    break;
            }
        }
    }

    private void AddItems(JsonObject target, FieldSpec array, string path, JsonArray items)
    {
        _findings.Add(new FieldFinding { Path = path, Value = JsonValue.Create(items.Count), Confidence = UnlocatedConfidence, Source = FieldSource.Llm });
        var rows = new JsonArray();
        for (var r = 0; r < items.Count; r++)
        {
            var row = new JsonObject();
            var item = items[r] as JsonObject;
            foreach (var property in array.Properties)
            {
                var itemPath = $"{path}[{r}].{property.Name}";
                if (Member(item, property.Name) is { } value)
                {
                    row[property.Name] = value.DeepClone();
                    _findings.Add(Located(itemPath, value));
                }
                else
                {
                    if (!omitMissing) row[property.Name] = null;
                    _findings.Add(new FieldFinding { Path = itemPath, Reason = "the LLM gave no value for it" });
                }
            }
            rows.Add(row);
        }
        target[array.Name] = rows;
    }

    private void Missing(JsonObject target, FieldSpec spec, string path, FieldFinding? ruled)
    {
        if (!omitMissing) target[spec.Name] = null;
        var why = answer.Failure ?? "the LLM found no value for it either";
        _findings.Add(new FieldFinding { Path = path, Reason = ruled?.Reason is { } reason ? $"{reason}; {why}" : why });
    }

    private static JsonNode? Member(JsonObject? value, string name) => value is null ? null : value[name];

    /// <summary>The finding of an LLM value: where its text stands in the document, or no place when it stands nowhere.</summary>
    private FieldFinding Located(string path, JsonNode value)
    {
        foreach (var text in Spellings(value))
        {
            foreach (var unit in texts.Units)
            {
                var at = IndexOfWord(unit.Text, text);
                if (at < 0) continue;
                return new FieldFinding
                {
                    Path = path, Value = value.DeepClone(), Raw = unit.Text.Substring(at, text.Length), Confidence = LocatedConfidence,
                    Source = FieldSource.Llm, Page = unit.Page, Box = unit.Box, Text = unit.Text,
                };
            }
        }
        return new FieldFinding { Path = path, Value = value.DeepClone(), Confidence = UnlocatedConfidence, Source = FieldSource.Llm };
    }

    /// <summary>How a value may be written in the document: as it is, a number with and without grouping, a date in the common orders.</summary>
    private static IEnumerable<string> Spellings(JsonNode value)
    {
        if (value is not JsonValue scalar) yield break;
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                var text = scalar.GetValue<string>().Trim();
                if (text.Length == 0) yield break;
                yield return text;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    foreach (var format in (string[])["dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "d MMMM yyyy", "MMMM d, yyyy", "d MMM yyyy", "MMM d, yyyy"])
                    {
                        yield return date.ToString(format, CultureInfo.InvariantCulture);
                    }
                }
                break;
            case JsonValueKind.Number:
                var number = scalar.GetValue<decimal>();
                yield return number.ToString("#,##0.00", CultureInfo.InvariantCulture);
                yield return number.ToString("0.00", CultureInfo.InvariantCulture);
                yield return number.ToString("#,##0.##", CultureInfo.InvariantCulture);
                yield return number.ToString(CultureInfo.InvariantCulture);
                break;
        }
    }

    /// <summary>Where <paramref name="value"/> stands in <paramref name="text"/> as a word of its own (not inside a longer word or number); -1 when it does not.</summary>
    private static int IndexOfWord(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + value.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return at;
        }
        return -1;
    }
}
