using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DocStrange.Extraction.Fields.Values;

/// <summary>Reads a yes/no: check marks and ticked boxes (☑ ☒ ✓ ✔ [x]) and empty boxes (☐ [ ]), yes/no and true/false in a few languages.</summary>
internal static partial class BooleanReader
{
    public static TypedValue? Read(string text)
    {
        var m = BooleanPattern().Match(text);
        if (!m.Success) return null;
        var value = m.Groups["yes"].Success;
        return new TypedValue(JsonValue.Create(value), m.Index, m.Length, m.Value);
    }

    [GeneratedRegex(@"(?<yes>[☑☒✓✔✅]|\[[xX✓]\]|\((?:x|X)\)|(?<![\w])(?:yes|true|checked|ja|oui|si|sí|y)(?![\w]))|(?<no>[☐□]|\[\s\]|\(\s\)|(?<![\w])(?:no|false|unchecked|nein|non|n)(?![\w]))", RegexOptions.IgnoreCase)]
    private static partial Regex BooleanPattern();
}
