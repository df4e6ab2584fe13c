using Microsoft.ML.Tokenizers;

namespace DocStrange.Document.Export;

/// <summary>
/// Counts tokens as OpenAI's cl100k_base encoding does (the encoding of GPT-4 and text-embedding-3), so a chunk's
/// size means what it means to the embedding models RAG users feed it to.
/// </summary>
internal static class TokenCounter
{
    // Loading the encoding's table takes a moment; one instance serves every thread.
    private static readonly Lazy<Tokenizer> Cl100kBase = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>The number of tokens in <paramref name="text"/>.</summary>
    public static int Count(string text) => text.Length == 0 ? 0 : Cl100kBase.Value.CountTokens(text);

    /// <summary>The length of the longest start of <paramref name="text"/> that is at most <paramref name="tokens"/> tokens (at least one character).</summary>
    public static int HeadLength(string text, int tokens) =>
        Math.Max(1, Cl100kBase.Value.GetIndexByTokenCount(text, tokens, out _, out _));

    /// <summary>Where the last <paramref name="tokens"/> tokens of <paramref name="text"/> start.</summary>
    public static int TailStart(string text, int tokens) =>
        Cl100kBase.Value.GetIndexByTokenCountFromEnd(text, tokens, out _, out _);
}
