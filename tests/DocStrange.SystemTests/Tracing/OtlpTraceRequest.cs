using System.Globalization;

namespace DocStrange.SystemTests.Tracing;

/// <summary>
/// Reads an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1): resource
/// spans (1) → resource (1) with its attributes (1), and scope spans (2) → scope (1, name 1) and spans (2).
/// </summary>
internal static class OtlpTraceRequest
{
    public static IEnumerable<ExportedSpan> Spans(byte[] body)
    {
        foreach (var resourceSpans in new ProtobufFields(body).Messages(1))
        {
            var resource = resourceSpans.Messages(1).FirstOrDefault();
            var service = resource is null ? "" : Attributes(resource, 1).GetValueOrDefault("service.name", "");
            foreach (var scopeSpans in resourceSpans.Messages(2))
            {
                var scope = scopeSpans.Messages(1).FirstOrDefault()?.Text(1) ?? "";
                foreach (var span in scopeSpans.Messages(2))
                {
                    // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9.
                    yield return new ExportedSpan(service, scope, Convert.ToHexStringLower(span.Bytes(1)), Convert.ToHexStringLower(span.Bytes(2)),
                        Convert.ToHexStringLower(span.Bytes(4)), span.Text(5), (int)span.Number(6), Attributes(span, 9));
                }
            }
        }
    }

    /// <summary>KeyValue (key 1, value 2) fields, the value (AnyValue: string 1, bool 2, int 3, double 4) as text.</summary>
    private static Dictionary<string, string> Attributes(ProtobufFields message, int field)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var pair in message.Messages(field))
        {
            var value = pair.Messages(2).FirstOrDefault();
            attributes[pair.Text(1)] = value switch
            {
                null => "",
                _ when value.Has(1) => value.Text(1),
                _ when value.Has(2) => value.Number(2) != 0 ? "true" : "false",
                _ when value.Has(3) => ((long)value.Number(3)).ToString(CultureInfo.InvariantCulture),
                _ when value.Has(4) => BitConverter.UInt64BitsToDouble(value.Number(4)).ToString(CultureInfo.InvariantCulture),
                _ => "",
            };
        }
        return attributes;
    }
}
