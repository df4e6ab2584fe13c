using System.Text.Json.Nodes;
using DocStrange.Document.Fields;

namespace DocStrange.Extraction.Fields;

/// <summary>
/// Writes what was found into the result object and its findings. A field not found is null with a reason;
/// against a schema it is left out of the object instead (null would break a typed property), and its finding says why.
/// </summary>
internal sealed class ResultBuilder(bool omitMissing)
{
    private readonly List<FieldFinding> _findings = [];

    public void Add(JsonObject target, FieldSpec spec, string path, Candidate? found)
    {
        if (found is null)
        {
            if (!omitMissing) target[spec.Name] = null;
            _findings.Add(new FieldFinding { Path = path, Reason = $"no label matching '{spec.Name}' with a {TypeName(spec)} beside or under it was found" });
            return;
        }
        target[spec.Name] = found.Value.Value?.DeepClone();
        _findings.Add(Finding(path, found.Value, found.Unit, found.Score, found.Source) with { Label = found.Label });
    }

    public void AddItems(JsonObject target, FieldSpec array, string path, List<LineItemRow>? rows)
    {
        if (rows is null)
        {
            if (!omitMissing) target[array.Name] = null;
            _findings.Add(new FieldFinding { Path = path, Reason = $"no table has column headers matching the properties of '{array.Name}'" });
            return;
        }
        var items = new JsonArray();
        var first = rows.FirstOrDefault()?.Table;
        _findings.Add(new FieldFinding
        {
            Path = path, Value = JsonValue.Create(rows.Count), Confidence = rows.Count > 0 ? 1 : 0, Source = FieldSource.Table,
            Page = first?.Page, Box = first?.Box, Reason = rows.Count == 0 ? "the table has no item rows" : null,
        });
        for (var r = 0; r < rows.Count; r++)
        {
            var item = new JsonObject();
            for (var p = 0; p < array.Properties.Count; p++)
            {
                var property = array.Properties[p];
                var cell = rows[r].Cells[p];
                var itemPath = $"{path}[{r}].{property.Name}";
                if (cell is { Value: { } value, Cell: { } unit })
                {
                    item[property.Name] = value.Value?.DeepClone();
                    _findings.Add(Finding(itemPath, value, unit, value.Fit, FieldSource.Table));
                }
                else
                {
                    if (!omitMissing) item[property.Name] = null;
                    _findings.Add(new FieldFinding { Path = itemPath, Reason = cell.Reason, Text = cell.Cell?.Text, Page = cell.Cell?.Page, Box = cell.Cell?.Box });
                }
            }
            items.Add(item);
        }
        target[array.Name] = items;
    }

    public ExtractedFields Finish(JsonObject data) => new() { Data = data, Findings = _findings };

    private static FieldFinding Finding(string path, Values.TypedValue value, TextUnit unit, double score, FieldSource source) => new()
    {
        Path = path,
        Value = value.Value?.DeepClone(),
        Raw = value.Raw,
        Currency = value.Currency,
        Confidence = Math.Round(Math.Clamp(score, 0, 1), 4),
        Source = source,
        Page = unit.Page,
        Box = unit.Box,
        Text = unit.Text,
    };

    private static string TypeName(FieldSpec spec) => spec.Type switch
    {
        FieldType.Integer or FieldType.Number => "number",
        FieldType.Currency => "amount",
        FieldType.DateTime => "date and time",
        _ => spec.Type.ToString().ToLowerInvariant(),
    };
}
