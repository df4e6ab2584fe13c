using System.Text;

namespace DocStrange.Document.Export;

/// <summary>
/// Fills chunks with pieces in order, each chunk as full as <paramref name="maxTokens"/> allows (counted on the
/// chunk's actual text): a piece that does not fit starts a new chunk, and one that does not fit even alone is
/// cut by <see cref="PieceSplitter"/>. A new section (a heading after content) always starts a new chunk. With
/// an overlap, a chunk after the first of its section starts with the last words (up to that many tokens) of
/// the chunk before it.
/// </summary>
internal sealed class ChunkPacker(int maxTokens, int overlapTokens)
{
    private readonly List<Chunk> _chunks = [];
    private readonly StringBuilder _text = new();
    private readonly SortedSet<int> _blocks = [];
    private IReadOnlyList<string> _headingPath = [];
    private ChunkPiece? _last;
    private bool _hasContent;
    private bool _hasBody;

    public IReadOnlyList<Chunk> Chunks => _chunks;

    /// <summary>Whether the open chunk holds anything beyond headings, so a heading now starts a new section.</summary>
    public bool HasBody => _hasBody;

    /// <summary>Closes the open chunk and forgets the overlap: what follows is a new section.</summary>
    public void EndSection()
    {
        Flush(carryOverlap: false);
    }

    /// <summary>The headings in force for the content added from now on.</summary>
    public void SetHeadingPath(IReadOnlyList<string> path) => _headingPath = path;

    public void Add(ChunkPiece piece, bool isHeading = false)
    {
        var text = piece.TableHeader is { } header && !ContinuesTable(piece) ? header + "\n" + piece.Text : piece.Text;
        var separator = _text.Length == 0 ? "" : ContinuesTable(piece) ? "\n" : piece.TableHeader is not null ? "\n\n" : piece.Separator;
        if (TokenCounter.Count(_text + separator + text) <= maxTokens)
        {
            _text.Append(separator).Append(text);
            _blocks.UnionWith(piece.Blocks);
            _last = piece;
            _hasContent = true;
            _hasBody |= !isHeading;
            return;
        }
        if (_hasContent)
        {
            Flush(carryOverlap: true);
            Add(piece, isHeading);
            return;
        }
        if (_text.Length > 0)
        {
            // Only the overlap is there and the piece needs the room: the piece comes first.
            Clear();
            Add(piece, isHeading);
            return;
        }
        foreach (var part in PieceSplitter.Split(piece, maxTokens)) Add(part, isHeading);
    }

    /// <summary>Closes the last chunk.</summary>
    public IReadOnlyList<Chunk> Finish()
    {
        Flush(carryOverlap: false);
        return _chunks;
    }

    private bool ContinuesTable(ChunkPiece piece) =>
        piece.TableHeader is not null && _last is { } last && ReferenceEquals(last.TableHeader, piece.TableHeader);

    private void Flush(bool carryOverlap)
    {
        if (!_hasContent)
        {
            Clear();
            return;
        }
        var text = _text.ToString();
        _chunks.Add(new Chunk(text, _headingPath, [.. _blocks], TokenCounter.Count(text)));
        var lastBlocks = _last?.Blocks ?? [];
        Clear();
        if (!carryOverlap || overlapTokens == 0) return;
        var tail = Tail(text);
        if (tail.Length == 0) return;
        _text.Append(tail);
        _blocks.UnionWith(lastBlocks);
    }

    /// <summary>The last words of <paramref name="text"/> within the overlap, starting at a word's start.</summary>
    private string Tail(string text)
    {
        var start = TokenCounter.TailStart(text, overlapTokens);
        if (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            var space = text.IndexOfAny([' ', '\n'], start);
            start = space < 0 ? text.Length : space;
        }
        return text[start..].Trim();
    }

    private void Clear()
    {
        _text.Clear();
        _blocks.Clear();
        _last = null;
        _hasContent = false;
        _hasBody = false;
    }
}
