using System.Text.Json.Nodes;
using DocStrange.Document.Fields;
using DocStrange.Document.Model;
using DocStrange.Extraction.Fields.Labels;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>
/// Reads the fields a caller asked for from a converted document: deterministic, no model, every value traced
/// to the text, page and box it came from. It reads the document model, not the file, so scans (after OCR)
/// and every other input go the same way.
/// </summary>
public static class FieldExtractor
{
    /// <summary>The fields of <paramref name="request"/> found in <paramref name="document"/>.</summary>
    public static ExtractedFields Extract(DocumentModel document, FieldRequest request)
    {
        var texts = DocumentTexts.Of(document);
        var hints = ReadingHints.From(texts.Units.Select(u => u.Text));
        var leaves = new List<(FieldSpec Spec, string? Parent)>();
        Collect(request.Fields, null, leaves);

        var index = new LabelIndex();
        for (var i = 0; i < leaves.Count; i++) index.Add(i, LabelVariants.For(leaves[i].Spec, leaves[i].Parent));
        var best = new KeyValueReader(texts, [.. leaves.Select(l => l.Spec)], index, hints).Candidates()
            .GroupBy(c => c.Field)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Score).ThenByDescending(c => c.Value.Fit).ThenBy(c => c.Unit.Order).First());

        var builder = new ResultBuilder(omitMissing: request.Schema is not null);
        var leaf = 0;
        var data = new JsonObject();
        Build(request.Fields, "", data);

        var extracted = builder.Finish(data);
        return request.Schema is null ? extracted : extracted with { SchemaErrors = SchemaCheck.Errors(request.Schema, extracted.Data) };

        void Build(IReadOnlyList<FieldSpec> fields, string prefix, JsonObject target)
        {
            foreach (var spec in fields)
            {
                var path = prefix + spec.Name;
                switch (spec.Type)
                {
                    case FieldType.Object:
                        var child = new JsonObject();
                        Build(spec.Properties, path + ".", child);
                        target[spec.Name] = child;
                        break;
                    case FieldType.Array:
                        builder.AddItems(target, spec, path, new LineItemReader(texts, hints).Read(spec));
                        break;
                    default:
                        var found = best.GetValueOrDefault(leaf) ?? PatternReader.Find(texts, leaf, spec, hints);
                        builder.Add(target, spec, path, found);
                        leaf++;
                        break;
                }
            }
        }
    }

    /// <summary>The fields read by label, in the order <see cref="Extract"/> walks them: objects' members in place, arrays left to the table reader.</summary>
    private static void Collect(IReadOnlyList<FieldSpec> fields, string? parent, List<(FieldSpec, string?)> leaves)
    {
        foreach (var spec in fields)
        {
            if (spec.Type == FieldType.Object) Collect(spec.Properties, spec.Name, leaves);
            else if (spec.Type != FieldType.Array) leaves.Add((spec, parent));
        }
    }
}
