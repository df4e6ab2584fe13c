using DocStrange.Document.Model;

namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// Cleans a page's rulings and groups them: collinear pieces that touch or overlap are joined (a
/// border drawn as many short strokes becomes one), and rulings that cross or touch each other form
/// one network, the frame of a possible table (as in Tabula's lattice mode, Nurminen 2013,
/// "Algorithmic extraction of data in tables in PDF documents").
/// </summary>
public static class RulingNetwork
{
    /// <summary>How far apart, in points, two rulings may be and still count as touching or collinear.</summary>
    public const double Tolerance = 2.0;

    /// <summary>The rulings with collinear, touching pieces joined and very short ones dropped.</summary>
    public static List<Ruling> Merge(IReadOnlyList<Ruling> rulings, double minLength = 3)
    {
        var result = new List<Ruling>();
        foreach (var horizontal in new[] { true, false })
        {
            var group = rulings.Where(r => r.IsHorizontal == horizontal).OrderBy(r => r.Position).ThenBy(r => r.Start).ToList();
            var i = 0;
            while (i < group.Count)
            {
                // Rulings within the tolerance of the first one's position are collinear.
                var j = i;
                while (j < group.Count && group[j].Position - group[i].Position <= Tolerance) j++;
                var line = group.GetRange(i, j - i).OrderBy(r => r.Start).ToList();
                var position = line.Average(r => r.Position);
                double start = line[0].Start, end = line[0].End;
                foreach (var r in line.Skip(1))
                {
                    if (r.Start <= end + Tolerance) { end = Math.Max(end, r.End); continue; }
                    Add(result, horizontal, position, start, end, minLength);
                    (start, end) = (r.Start, r.End);
                }
                Add(result, horizontal, position, start, end, minLength);
                i = j;
            }
        }
        return result;
    }

    /// <summary>The networks of rulings that touch, each with the box holding it.</summary>
    public static List<(List<Ruling> Rulings, BoundingBox Box)> Connect(IReadOnlyList<Ruling> rulings)
    {
        var parent = Enumerable.Range(0, rulings.Count).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var a = 0; a < rulings.Count; a++)
        {
            for (var b = a + 1; b < rulings.Count; b++)
            {
                if (Touch(rulings[a], rulings[b])) parent[Find(a)] = Find(b);
            }
        }
        return Enumerable.Range(0, rulings.Count).GroupBy(Find)
            .Select(g => g.Select(i => rulings[i]).ToList())
            .Select(list => (list, new BoundingBox(list.Min(r => r.X1), list.Min(r => r.Y1), list.Max(r => r.X2), list.Max(r => r.Y2))))
            .ToList();
    }

    private static bool Touch(Ruling a, Ruling b)
    {
        const double t = Tolerance;
        if (a.IsHorizontal == b.IsHorizontal)
        {
            return Math.Abs(a.Position - b.Position) <= t && a.Start <= b.End + t && b.Start <= a.End + t;
        }
        var (h, v) = a.IsHorizontal ? (a, b) : (b, a);
        return v.Position >= h.X1 - t && v.Position <= h.X2 + t && h.Position >= v.Y1 - t && h.Position <= v.Y2 + t;
    }

    private static void Add(List<Ruling> into, bool horizontal, double position, double start, double end, double minLength)
    {
        if (end - start < minLength) return;
        into.Add(horizontal ? new Ruling(start, position, end, position) : new Ruling(position, start, position, end));
    }
}
