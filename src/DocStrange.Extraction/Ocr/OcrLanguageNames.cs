using System.Text.RegularExpressions;
using DocStrange.Document.Errors;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr;

/// <summary>Turns the <c>languages</c> option into Tesseract's <c>eng+deu</c> form, refusing names that are not installed.</summary>
internal static partial class OcrLanguageNames
{
    /// <summary>The language used when none is asked for.</summary>
    public const string Default = "eng";

    /// <summary>
    /// Checks, before any page is recognised, that OCR can run in <paramref name="requested"/>:
    /// <c>OCR_FAILED</c> when this installation has no OCR data at all (another worker may),
    /// <c>INVALID_REQUEST</c> naming the field when a language is not installed.
    /// </summary>
    public static void Validate(IReadOnlyList<string> requested, IReadOnlyList<string> installed)
    {
        if (installed.Count == 0)
        {
            throw new DocStrangeException(ErrorCode.OcrFailed, "OCR is not available here: no Tesseract language data is installed.");
        }
        try
        {
            Resolve(requested, installed);
        }
        catch (OcrEngineException ex)
        {
            throw new DocStrangeException(ErrorCode.InvalidRequest, ex.Message,
                new Dictionary<string, object?> { ["field"] = "languages", ["value"] = string.Join(',', requested), ["installed"] = installed });
        }
    }

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
