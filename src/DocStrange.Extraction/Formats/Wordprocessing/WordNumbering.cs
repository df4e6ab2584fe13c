using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// Word's list numbering (ECMA-376 §17.9): each <c>w:num</c> points at an abstract definition whose
/// levels give a format (<c>decimal</c>, <c>bullet</c>, letters, roman) and a label template such as
/// <c>%1.%2.</c>. Counters belong to the abstract definition, so lists sharing one continue each
/// other unless a <c>startOverride</c> restarts them; a deeper level restarts when a shallower one
/// advances, and a level skipped over shows its start value.
/// </summary>
internal sealed class WordNumbering
{
    private const int Levels = 9;
    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly HashSet<int> _overridesApplied = [];
    private readonly WordStyles _styles;

    public WordNumbering(MainDocumentPart main, WordStyles styles)
    {
        _styles = styles;
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null) return;
        foreach (var a in numbering.Elements<AbstractNum>())
        {
            if (a.AbstractNumberId?.Value is { } id) _abstracts.TryAdd(id, a);
        }
        foreach (var n in numbering.Elements<NumberingInstance>())
        {
            if (n.NumberID?.Value is { } id) _instances.TryAdd(id, n);
        }
    }

    /// <summary>One numbered paragraph: whether its level is a bullet, whether it is plain decimal ("1." or "1)"), its label and its level's counter.</summary>
    public sealed record Item(bool Bullet, bool SimpleDecimal, string Label, int Number = 0);

    /// <summary>Advances the counters for a paragraph numbered (<paramref name="numId"/>, <paramref name="level"/>); null when the numbering is missing or switched off.</summary>
    public Item? Next(int numId, int level)
    {
        if (numId == 0 || !_instances.TryGetValue(numId, out var instance)) return null;
        if (ResolveAbstract(instance) is not { } abs || abs.AbstractNumberId?.Value is not { } absId) return null;
        level = Math.Clamp(level, 0, Levels - 1);
        var counters = _counters.TryGetValue(absId, out var c) ? c : _counters[absId] = new int[Levels];
        if (_overridesApplied.Add(numId))
        {
            foreach (var over in instance.Elements<LevelOverride>())
            {
                if (over.StartOverrideNumberingValue?.Val?.Value is { } start && over.LevelIndex?.Value is { } li && li is >= 0 and < Levels)
                {
                    counters[li] = start - 1;
                    for (var deeper = li + 1; deeper < Levels; deeper++) counters[deeper] = 0;
                }
            }
        }
        var lvl = LevelOf(instance, abs, level);
        for (var shallower = 0; shallower < level; shallower++)
        {
            if (counters[shallower] == 0) counters[shallower] = StartOf(LevelOf(instance, abs, shallower));
        }
        counters[level] = counters[level] == 0 ? StartOf(lvl) : counters[level] + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++) counters[deeper] = 0;

        var format = lvl?.NumberingFormat?.Val?.Value;
        var template = lvl?.LevelText?.Val?.Value ?? $"%{level + 1}.";
        if (format == NumberFormatValues.Bullet) return new Item(true, false, "");
        if (format == NumberFormatValues.None) return new Item(false, false, template.Contains('%') ? "" : template.Trim());
        var legal = lvl?.IsLegalNumberingStyle is { } legalStyle && (legalStyle.Val?.Value ?? true);
        var label = Label(template, counters, instance, abs, legal);
        var simple = format is null || format == NumberFormatValues.Decimal;
        simple &= template == $"%{level + 1}." || template == $"%{level + 1})";
        return new Item(false, simple, label, counters[level]);
    }

    private string Label(string template, int[] counters, NumberingInstance instance, AbstractNum abs, bool legal)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var k = template[++i] - '1';
                var value = Math.Max(counters[k], 1);
                var format = legal ? NumberFormatValues.Decimal : LevelOf(instance, abs, k)?.NumberingFormat?.Val?.Value;
                sb.Append(NumberFormats.Format(value, format));
            }
            else
            {
                sb.Append(template[i]);
            }
        }
        return sb.ToString().Trim();
    }

    private AbstractNum? ResolveAbstract(NumberingInstance instance)
    {
        var absId = instance.AbstractNumId?.Val?.Value;
        for (var hops = 0; absId is not null && hops < 5; hops++)
        {
            if (!_abstracts.TryGetValue(absId.Value, out var abs)) return null;
            // A definition that only links to a numbering style takes its levels from that style's numbering.
            if (abs.NumberingStyleLink?.Val?.Value is { } link && !abs.Elements<Level>().Any()
                && _styles.NumberingIdOfStyle(link) is { } linkedNum && _instances.TryGetValue(linkedNum, out var linked))
            {
                absId = linked.AbstractNumId?.Val?.Value;
                continue;
            }
            return abs;
        }
        return null;
    }

    private static Level? LevelOf(NumberingInstance instance, AbstractNum abs, int level)
    {
        var over = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level;
        return over ?? abs.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
    }

    private static int StartOf(Level? level) => level?.StartNumberingValue?.Val?.Value ?? 1;
}
