using System.Collections;

namespace DocStrange.Jobs.Logging;

/// <summary>
/// A log scope of named fields (request_id, key_id, job_id). A JSON log line shows each field of a
/// scope and, as the scope's message, its text: a dictionary's text is its .NET type name, this one's
/// is the fields themselves (<c>request_id=req_…</c>).
/// </summary>
public sealed class LogFields(params (string Name, object? Value)[] fields) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields = [.. fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value))];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" ", _fields.Select(f => $"{f.Key}={f.Value}"));
}
