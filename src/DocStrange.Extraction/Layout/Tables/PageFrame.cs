namespace DocStrange.Extraction.Layout.Tables;

/// <summary>
/// A border drawn around the whole page (or nearly: a certificate, a form, a slide's frame) is
/// decoration, not the outline of a table: read as one, every block of the page becomes a cell. The
/// edges of a network of rulings that covers most of the page both ways are dropped, repeatedly (a
/// double frame), so the tables drawn inside it are found on their own.
/// </summary>
public static class PageFrame
{
    /// <summary>The share of the page's width and height a network must cover to be a page frame.</summary>
    public const double MinCover = 0.8;

    /// <summary>The rulings without the edges of page frames.</summary>
    public static List<Ruling> RemoveFrames(List<Ruling> rulings, double pageWidth, double pageHeight)
    {
        while (true)
        {
            var edges = new HashSet<Ruling>();
            foreach (var (network, box) in RulingNetwork.Connect(rulings))
            {
                if (box.Width < MinCover * pageWidth || box.Height < MinCover * pageHeight) continue;
                foreach (var r in network)
                {
                    var edge = r.IsHorizontal
                        ? (Near(r.Position, box.Top) || Near(r.Position, box.Bottom)) && r.End - r.Start >= MinCover * box.Width
                        : (Near(r.Position, box.Left) || Near(r.Position, box.Right)) && r.End - r.Start >= MinCover * box.Height;
                    if (edge) edges.Add(r);
                }
            }
            if (edges.Count == 0) return rulings;
            rulings = rulings.Where(r => !edges.Contains(r)).ToList();
        }
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 3 * RulingNetwork.Tolerance;
}
