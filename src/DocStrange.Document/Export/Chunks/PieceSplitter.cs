using System.Text.RegularExpressions;

namespace DocStrange.Document.Export;

/// <summary>
/// Cuts a piece that is too large for one chunk into smaller pieces, following its structure: a table into rows (a row too large to go under its header again going after it),
/// a list into items, a block into lines, a line into sentences, a sentence into words, and a word longer than a
/// chunk into runs of tokens. Each cut makes strictly smaller pieces, so cutting again always ends.
/// </summary>
internal static partial class PieceSplitter
{
    public static IReadOnlyList<ChunkPiece> Split(ChunkPiece piece, int maxTokens)
    {
        var parts = piece.Kind switch
        {
            PieceKind.Table => Rows(piece),
            PieceKind.List => ListItems(piece),
            // A row that does not fit under its header: the header goes first on its own, so it is never lost.
            PieceKind.TableRow => [new ChunkPiece(piece.TableHeader!, PieceKind.Part, piece.Blocks), .. Finer(piece, maxTokens)],
            _ => Finer(piece, maxTokens),
        };
        // The first part joins what came before as the whole piece would have.
        return parts.Count == 0 ? parts : [parts[0] with { Separator = piece.Separator }, .. parts.Skip(1)];
    }

    private static List<ChunkPiece> Rows(ChunkPiece table)
    {
        var lines = table.Text.Split('\n');
        if (lines.Length <= 2) return [table with { Kind = PieceKind.Part }];
        var header = lines[0] + "\n" + lines[1];
        return [.. lines.Skip(2).Select(row => new ChunkPiece(row, PieceKind.TableRow, table.Blocks) { Separator = "\n", TableHeader = header })];
    }

    /// <summary>One piece per item line, with any separator comment before it kept with it.</summary>
    private static List<ChunkPiece> ListItems(ChunkPiece list)
    {
        var items = new List<ChunkPiece>();
        var pending = new List<string>();
        var next = 0;
        foreach (var line in list.Text.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            pending.Add(line);
            if (line.Trim() == "<!-- -->") continue;
            var block = list.Blocks[Math.Min(next++, list.Blocks.Count - 1)];
            items.Add(new ChunkPiece(string.Join('\n', pending), PieceKind.Part, [block]) { Separator = "\n" });
            pending.Clear();
        }
        if (pending.Count > 0) items.Add(new ChunkPiece(string.Join('\n', pending), PieceKind.Part, [list.Blocks[^1]]) { Separator = "\n" });
        return items;
    }

    private static List<ChunkPiece> Finer(ChunkPiece piece, int maxTokens)
    {
        var lines = piece.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length > 1) return Parts(lines, "\n", piece);
        var sentences = SentenceEnd().Split(piece.Text.Trim());
        if (sentences.Length > 1) return Parts(sentences, " ", piece);
        var words = piece.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1) return Parts(words, " ", piece);
        return Parts(TokenRuns(piece.Text, maxTokens), "", piece);
    }

    private static List<ChunkPiece> Parts(IEnumerable<string> texts, string separator, ChunkPiece whole) =>
        [.. texts.Where(t => t.Length > 0).Select(t => new ChunkPiece(t, PieceKind.Part, whole.Blocks) { Separator = separator })];

    /// <summary>A word longer than a chunk (a long URL, a run of digits) cut where the tokenizer's tokens end.</summary>
    private static IEnumerable<string> TokenRuns(string word, int maxTokens)
    {
        for (var rest = word; rest.Length > 0;)
        {
            var length = Math.Min(rest.Length, TokenCounter.HeadLength(rest, maxTokens));
            yield return rest[..length];
            rest = rest[length..];
        }
    }

    // A sentence ends at . ! ? (or the same before a closing quote or bracket) followed by white space.
    [GeneratedRegex(@"(?<=[.!?][""')\]]?)\s+")]
    private static partial Regex SentenceEnd();
}
