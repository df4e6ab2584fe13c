using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Ocr;

/// <summary>Turns the <c>languages</c> option into Tesseract's <c>eng+deu</c> form, refusing names that are not installed.</summary>
internal static partial class OcrLanguageNames
{
    /// <summary>The language used when none is asked for.</summary>
    public const string Default = "eng";

    /// <summary>The names joined with <c>+</c>, in the order given, duplicates dropped.</summary>
    public static string Resolve(IReadOnlyList<string> requested, IReadOnlyList<string> installed)
    {
        var names = requested.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) names.Add(Default);
        foreach (var name in names)
        {
            if (!Name().IsMatch(name) || !installed.Contains(name, StringComparer.Ordinal))
            {
                var have = installed.Count == 0 ? "none" : string.Join(", ", installed);
                throw new OcrEngineException($"OCR language '{name}' is not installed (installed: {have}).");
            }
        }
        return string.Join('+', names);
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
