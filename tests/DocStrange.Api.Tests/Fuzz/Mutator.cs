using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace DocStrange.Api.Tests.Fuzz;

/// <summary>
/// Deterministic damage to a seed document: byte-level mutations for every kind, plus structure-aware
/// ones — PDF cross-reference tables, stream lengths and trailers; the entries and XML of ZIP-based
/// Office files. The same random source always gives the same inputs.
/// </summary>
internal sealed partial class Mutator(Random random)
{
    /// <summary>The first bytes are spared most of the time, so most inputs get past the type check to a reader.</summary>
    private const int Header = 16;

    /// <summary>A damaged copy of <paramref name="seed"/> and the names of the mutations applied.</summary>
    public (byte[] Bytes, string Applied) Mutate(byte[] seed, string extension)
    {
        var bytes = seed;
        var applied = new List<string>();
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            var (next, name) = extension switch
            {
                ".pdf" when random.Next(2) == 0 => Pdf(bytes),
                ".docx" or ".xlsx" when random.Next(3) < 2 => Zip(bytes),
                _ => Bytes(bytes),
            };
            bytes = next;
            applied.Add(name);
        }
        return (bytes, string.Join("+", applied));
    }

    private (byte[], string) Bytes(byte[] input)
    {
        var bytes = (byte[])input.Clone();
        if (bytes.Length <= Header + 1) return (bytes, "none");
        // Now and then the head too: the API's type check must refuse those with a client error.
        var from = random.Next(10) == 0 ? 0 : Header;
        int At() => random.Next(from, bytes.Length);
        switch (random.Next(7))
        {
            case 0:
                var flips = 1 + random.Next(16);
                for (var i = 0; i < flips; i++) bytes[At()] ^= (byte)(1 << random.Next(8));
                return (bytes, $"flip{flips}");
            case 1:
                var start = At();
                var length = Math.Min(bytes.Length - start, 1 + random.Next(256));
                var fill = random.Next(3) switch { 0 => (byte)0, 1 => (byte)0xFF, _ => (byte)random.Next(256) };
                if (random.Next(2) == 0) random.NextBytes(bytes.AsSpan(start, length));
                else bytes.AsSpan(start, length).Fill(fill);
                return (bytes, $"overwrite{length}");
            case 2:
                return (bytes[..At()], "truncate");
            case 3:
            {
                var (s, l) = Chunk(bytes.Length, from);
                return ([.. bytes[..(s + l)], .. bytes.AsSpan(s, l), .. bytes[(s + l)..]], "duplicate");
            }
            case 4:
            {
                var (s, l) = Chunk(bytes.Length, from);
                return ([.. bytes[..s], .. bytes[(s + l)..]], "remove");
            }
            case 5:
                var at = At();
                var junk = new byte[1 + random.Next(64)];
                random.NextBytes(junk);
                return ([.. bytes[..at], .. junk, .. bytes[at..]], "insert");
            default:
                // Interesting numbers where a length or count might be.
                var pos = Math.Min(At(), bytes.Length - 4);
                BitConverter.GetBytes(random.Next(5) switch { 0 => 0, 1 => -1, 2 => int.MaxValue, 3 => int.MinValue, _ => 0x10000 }).CopyTo(bytes, pos);
                return (bytes, "magic");
        }
    }

    private (int Start, int Length) Chunk(int size, int from)
    {
        var start = random.Next(from, size);
        return (start, Math.Min(size - start, 1 + random.Next(Math.Max(1, size / 8))));
    }

    private (byte[], string) Pdf(byte[] input)
    {
        // Latin-1 maps bytes to chars one to one, so binary streams survive the round trip.
        var text = Encoding.Latin1.GetString(input);
        string result;
        string name;
        switch (random.Next(5))
        {
            case 0:
                result = XrefOffset().Replace(text, m => random.Next(3) == 0 ? Digits(10) : m.Value, 0x7FFFFFFF);
                name = "pdf-xref";
                break;
            case 1:
                result = StreamLength().Replace(text, m => random.Next(2) == 0 ? $"/Length {Number()}" : m.Value);
                name = "pdf-length";
                break;
            case 2:
                result = StartXref().Replace(text, _ => $"startxref\n{Number()}");
                name = "pdf-startxref";
                break;
            case 3:
                result = ObjectNumber().Replace(text, m => random.Next(4) == 0 ? $"{Number()} {m.Groups[2].Value} R" : m.Value);
                name = "pdf-refs";
                break;
            default:
                var keyword = new[] { "endstream", "endobj", "trailer", "/Root", "/Pages", "/Kids", "/Count", "/Type", "/Font", "xref" }[random.Next(10)];
                result = text.Replace(keyword, random.Next(2) == 0 ? "" : keyword[..(keyword.Length / 2)], StringComparison.Ordinal);
                name = "pdf-drop-" + keyword.TrimStart('/');
                break;
        }
        return (Encoding.Latin1.GetBytes(result), name);
    }

    private string Number() => random.Next(4) switch
    {
        0 => "0",
        1 => "-" + random.Next(1, 1000),
        2 => Digits(1 + random.Next(12)),
        _ => random.Next(0, 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private (byte[], string) Zip(byte[] input)
    {
        List<(string Name, byte[] Data)> entries;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read);
            entries = [.. archive.Entries.Select(e => (e.FullName, Read(e)))];
        }
        catch (InvalidDataException)
        {
            return Bytes(input);
        }
        if (entries.Count == 0) return Bytes(input);

        var index = random.Next(entries.Count);
        var (entryName, data) = entries[index];
        string name;
        switch (random.Next(4))
        {
            case 0:
                entries.RemoveAt(index);
                name = "zip-drop:" + entryName;
                break;
            case 1:
                var (bytes, how) = Bytes(data);
                entries[index] = (entryName, bytes);
                name = $"zip-{how}:{entryName}";
                break;
            case 2:
                entries[index] = (entryName, MangleXml(data));
                name = "zip-xml:" + entryName;
                break;
            default:
                var other = entries[random.Next(entries.Count)];
                entries[index] = (entryName, other.Data);
                name = $"zip-swap:{entryName}<-{other.Name}";
                break;
        }
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, bytes) in entries)
            {
                using var stream = archive.CreateEntry(entry, CompressionLevel.Fastest).Open();
                stream.Write(bytes);
            }
        }
        return (output.ToArray(), name);
    }

    private byte[] MangleXml(byte[] data)
    {
        var xml = Encoding.UTF8.GetString(data);
        if (xml.Length < 2) return data;
        var at = random.Next(xml.Length);
        xml = random.Next(6) switch
        {
            0 => xml[..at],
            1 => xml.Insert(at, new[] { "<", ">", "&", "</w:p>", "<w:t>", "\"", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "\0" }[random.Next(9)]),
            2 => XmlAttributeValue().Replace(xml, m => random.Next(5) == 0 ? $"=\"{Number()}\"" : m.Value),
            3 => XmlTag().Replace(xml, m => random.Next(20) == 0 ? "" : m.Value),
            4 => xml.Replace("r:id", "r:xx", StringComparison.Ordinal).Replace("r:embed", "r:none", StringComparison.Ordinal),
            _ => string.Concat(xml.AsSpan(0, at), xml.AsSpan(at, Math.Min(xml.Length - at, 200)), xml.AsSpan(at)),
        };
        return Encoding.UTF8.GetBytes(xml);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    [GeneratedRegex(@"\b\d{10}(?= \d{5} [nf])")]
    private static partial Regex XrefOffset();

    [GeneratedRegex(@"/Length \d+")]
    private static partial Regex StreamLength();

    [GeneratedRegex(@"startxref\s+\d+")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\b(\d+) (\d+) R\b")]
    private static partial Regex ObjectNumber();

    [GeneratedRegex("=\"[^\"]*\"")]
    private static partial Regex XmlAttributeValue();

    [GeneratedRegex("<[^<>]{1,40}>")]
    private static partial Regex XmlTag();
}
