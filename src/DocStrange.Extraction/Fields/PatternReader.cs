using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Fields;

/// <summary>
/// The last resort for fields whose values are recognisable without a label (an e-mail address, a
/// telephone number): the first one in reading order, with a low confidence that says so.
/// </summary>
internal static class PatternReader
{
    private const double Confidence = 0.5;

    public static Candidate? Find(DocumentTexts texts, int field, FieldSpec spec, ReadingHints hints)
    {
        if (spec.Type is not (FieldType.Email or FieldType.Phone)) return null;
        foreach (var unit in texts.Units)
        {
            if (ValueReader.Read(unit.Text, spec, hints) is { } value) return new Candidate(field, value, unit, Confidence, FieldSource.Pattern);
        }
        return null;
    }
}
