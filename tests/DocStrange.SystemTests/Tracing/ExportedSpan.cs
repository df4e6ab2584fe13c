namespace DocStrange.SystemTests.Tracing;

/// <summary>A span as an OTLP exporter sent it: ids as lowercase hex, kind as OTLP numbers it (2 server, 3 client, 4 producer, 5 consumer).</summary>
internal sealed record ExportedSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int Server = 2;
    public const int Client = 3;
    public const int Producer = 4;
    public const int Consumer = 5;

    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() => $"{Service} {Name} (kind {Kind}) trace {TraceId} span {SpanId} parent {(ParentSpanId.Length == 0 ? "none" : ParentSpanId)}";
}
