namespace DocStrange.Document.Conversion;

/// <summary>
/// Which engine fills the asked fields: <c>auto</c> (the rules, then the LLM for the fields they left null,
/// when an LLM is configured), the rules only, or the LLM only.
/// </summary>
public enum ExtractMode
{
    Auto,
    Rules,
    Llm,
}
