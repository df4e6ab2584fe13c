namespace DocStrange.Extraction.Fields.Labels;

/// <summary>
/// One token of a text: a word in its compared form (lower case, no accents, abbreviations spelt out,
/// singular) or one punctuation character, with its place in the original text.
/// </summary>
internal readonly record struct LabelToken(string Form, int Start, int End, bool IsWord)
{
    /// <summary>Whether the token is a colon, the usual end of a label.</summary>
    public bool IsColon => !IsWord && Form is ":" or "：";

    /// <summary>Whether the word has a letter (a label word rather than a number).</summary>
    public bool HasLetter => IsWord && Form.Any(char.IsLetter);
}
