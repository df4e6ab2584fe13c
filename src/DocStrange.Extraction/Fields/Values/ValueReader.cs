using System.Text.Json.Nodes;
using DocStrange.Document.Fields;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>Reads the value of a field's type from the text that follows (or stands under) its label.</summary>
internal static class ValueReader
{
    private static readonly char[] Leading = [':', '#', '-', '–', '=', '.', ' ', '\t', '|'];
    // Rules and underlines a scan's recognition leaves after a value ("Bob Chen _") are not part of it.
    private static readonly char[] Trailing = [',', ';', ':', ' ', '\t', '|', '-', '–', '—', '_'];

    /// <summary>The first value of <paramref name="spec"/>'s type in <paramref name="text"/>; null when the text holds none.</summary>
    public static TypedValue? Read(string text, FieldSpec spec, ReadingHints hints) => spec.Type switch
    {
        FieldType.Number or FieldType.Currency => NumberReader.Read(text, hints),
        FieldType.Integer => NumberReader.Read(text, hints, integer: true),
        FieldType.Date => DateReader.Read(text, hints),
        FieldType.DateTime => DateReader.Read(text, hints, withTime: true),
        FieldType.Boolean => BooleanReader.Read(text),
        FieldType.Email => ContactReader.ReadEmail(text),
        FieldType.Phone => ContactReader.ReadPhone(text),
        FieldType.String => spec.Choices.Count > 0 ? Choice(text, spec.Choices) : Identifier(spec, Text(text)),
        _ => null,
    };

    /// <summary>The text itself, separators trimmed; a long stretch fits a field's value less well than a short one.</summary>
    private static TypedValue? Text(string text)
    {
        var start = 0;
        while (start < text.Length && Leading.Contains(text[start])) start++;
        var end = text.Length;
        while (end > start && Trailing.Contains(text[end - 1])) end--;
        if (end <= start) return null;
        var value = text[start..end];
        var words = value.Count(c => c == ' ') + 1;
        return new TypedValue(JsonValue.Create(value), start, end - start, value) { Fit = words <= 8 ? 1 : 0.6 };
    }

    /// <summary>An identifier (a field named <c>…_number</c>, <c>…_id</c>, <c>…_no</c>) without a digit fits less: "Globex GmbH" is no invoice number.</summary>
    private static TypedValue? Identifier(FieldSpec spec, TypedValue? value)
    {
        if (value is null || value.Raw.Any(char.IsAsciiDigit)) return value;
        var last = spec.Name.Split('_', '-', ' ').Last().ToLowerInvariant();
        return last is "number" or "id" or "no" or "nr" or "code" or "ref" ? value with { Fit = value.Fit * 0.5 } : value;
    }

    /// <summary>The first of the allowed values the text names, written as the schema writes it.</summary>
    private static TypedValue? Choice(string text, IReadOnlyList<string> choices)
    {
        TypedValue? best = null;
        foreach (var choice in choices)
        {
            var at = text.IndexOf(choice, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || best is not null && best.Start <= at) continue;
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + choice.Length == text.Length || !char.IsLetterOrDigit(text[at + choice.Length]);
            if (before && after) best = new TypedValue(JsonValue.Create(choice), at, choice.Length, text.Substring(at, choice.Length));
        }
        return best;
    }
}
