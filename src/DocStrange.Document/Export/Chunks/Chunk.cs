namespace DocStrange.Document.Export;

/// <summary>One chunk: its Markdown, the headings above it, the indices of the blocks its words come from, and its size in tokens.</summary>
internal sealed record Chunk(string Text, IReadOnlyList<string> HeadingPath, IReadOnlyList<int> Blocks, int Tokens);
