using System.Text;
using DocStrange.Document.Conversion;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Fields;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Fields.Llm;

/// <summary>
/// The LLM stage of field extraction: the document's Markdown and the schema go to the LLM, and the object it
/// fills is merged into the document's fields. In <see cref="ExtractMode.Auto"/> it fills only the fields the
/// rules left null (and is not asked at all when they found every one); in <see cref="ExtractMode.Llm"/> it fills
/// them all. A failure leaves those fields null with its reason and the document with a warning, never an error.
/// </summary>
public static class LlmFields
{
    /// <summary>The reason of the fields an LLM would have filled where none is configured.</summary>
    public const string NotConfigured = "no LLM is configured (DocStrange:Llm)";

    /// <summary>
    /// <paramref name="document"/> with its fields filled by <paramref name="llm"/> as <paramref name="mode"/> says;
    /// its <see cref="DocumentModel.Extracted"/> holds the rules' result in auto mode. A null <paramref name="llm"/> is an
    /// installation with no LLM configured: the fields it would fill stay null and say so.
    /// </summary>
    public static async Task<DocumentModel> FillAsync(DocumentModel document, FieldRequest request, ExtractMode mode, ILlmFieldSource? llm,
        CancellationToken cancellationToken)
    {
        var rules = mode == ExtractMode.Llm ? null : document.Extracted;
        // Array members (line items) come with their table; only fields of their own are filled.
        if (rules is not null && !rules.Findings.Any(f => f.Value is null && !f.Path.Contains('['))) return document;

        var answer = llm is null
            ? LlmAnswer.Failed(NotConfigured)
            : await llm.AskAsync(new LlmQuestion(Markdown(document), LlmSchema.For(request)), cancellationToken);
        var extracted = new LlmMerge(DocumentTexts.Of(document), rules, answer, omitMissing: request.Schema is not null).Build(request.Fields);
        if (request.Schema is not null) extracted = extracted with { SchemaErrors = SchemaCheck.Errors(request.Schema, extracted.Data) };
        var warnings = answer.Failure is { } failure
            ? [.. document.Warnings, new DocumentWarning(ErrorCode.ProcessingError, $"the LLM engine filled no fields: {failure}")]
            : document.Warnings;
        return document with { Extracted = extracted, Warnings = warnings };
    }

    /// <summary>The document as the Markdown output writes it, which is what the LLM reads.</summary>
    private static string Markdown(DocumentModel document)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text) { NewLine = "\n" })
        {
            DocumentExporters.Get(OutputFormat.Markdown).Write(document, writer, new ExportOptions());
        }
        return text.ToString();
    }
}
