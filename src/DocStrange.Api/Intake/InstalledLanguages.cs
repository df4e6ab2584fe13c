using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Jobs.Model;

namespace DocStrange.Api.Intake;

/// <summary>
/// Refuses at submission an OCR language the workers do not have, rather than accepting the job and
/// failing it once a page needs recognising. Left to the workers when the installed languages are not
/// known here (an API without live workers), and when the submission turns OCR off.
/// </summary>
internal static class InstalledLanguages
{
    public static void Check(JobOptions options, IReadOnlyCollection<string> installed)
    {
        if (installed.Count == 0 || options.Ocr == OcrMode.Never) return;
        var missing = options.Languages.Where(l => !installed.Contains(l, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0) return;
        throw new DocStrangeException(ErrorCode.InvalidRequest,
            $"OCR language{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "are" : "is")} not installed here; installed: {string.Join(", ", installed.Order(StringComparer.Ordinal))}.",
            new Dictionary<string, object?> { ["field"] = "languages", ["value"] = string.Join(',', options.Languages), ["installed"] = installed.Order(StringComparer.Ordinal).ToArray() });
    }
}
