namespace DocStrange.Document.Export;

/// <summary>The values <c>chunk_tokens</c> and <c>chunk_overlap</c> may take, checked alike by the API and the CLI.</summary>
public static class ChunkLimits
{
    /// <summary>The smallest chunk: room for any one character (at most 4 tokens) with margin.</summary>
    public const int MinTokens = 16;

    /// <summary>The largest chunk, beyond every common embedding model's input.</summary>
    public const int MaxTokens = 8192;

    /// <summary>What is wrong with the pair, naming the option at fault, or null when both are allowed.</summary>
    public static (string Field, string Message)? Problem(int tokens, int overlap)
    {
        if (tokens is < MinTokens or > MaxTokens) return ("chunk_tokens", $"must be a whole number from {MinTokens} to {MaxTokens}; {tokens} is not.");
        // Below half, every chunk still adds new text.
        if (overlap < 0 || overlap * 2 >= tokens) return ("chunk_overlap", $"must be a whole number from 0 to less than half of chunk_tokens ({tokens}); {overlap} is not.");
        return null;
    }
}
