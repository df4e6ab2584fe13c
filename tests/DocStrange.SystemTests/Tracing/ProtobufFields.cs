using System.Text;

namespace DocStrange.SystemTests.Tracing;

/// <summary>
/// The fields of one protobuf message, read from the wire format: enough to walk OTLP's messages
/// without generated types (no package ships them). Nested messages are read as fields again.
/// </summary>
internal sealed class ProtobufFields
{
    private readonly List<(int Number, ulong Number64, byte[]? Bytes)> _fields = [];

    public ProtobufFields(ReadOnlySpan<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = ReadVarint(message, ref at);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    _fields.Add((number, ReadVarint(message, ref at), null));
                    break;
                case 1:
                    _fields.Add((number, BitConverter.ToUInt64(message.Slice(at, 8)), null));
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref at);
                    _fields.Add((number, 0, message.Slice(at, length).ToArray()));
                    at += length;
                    break;
                case 5:
                    _fields.Add((number, BitConverter.ToUInt32(message.Slice(at, 4)), null));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7} in field {number}.");
            }
        }
    }

    /// <summary>Each occurrence of a length-delimited field, as a message.</summary>
    public IEnumerable<ProtobufFields> Messages(int number) => _fields.Where(f => f.Number == number && f.Bytes is not null).Select(f => new ProtobufFields(f.Bytes));

    /// <summary>A length-delimited field as bytes (empty when absent).</summary>
    public byte[] Bytes(int number) => _fields.LastOrDefault(f => f.Number == number && f.Bytes is not null).Bytes ?? [];

    /// <summary>A length-delimited field as UTF-8 text (empty when absent).</summary>
    public string Text(int number) => Encoding.UTF8.GetString(Bytes(number));

    /// <summary>A numeric field (0 when absent).</summary>
    public ulong Number(int number) => _fields.LastOrDefault(f => f.Number == number && f.Bytes is null).Number64;

    /// <summary>Whether the field is present.</summary>
    public bool Has(int number) => _fields.Any(f => f.Number == number);

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }
}
