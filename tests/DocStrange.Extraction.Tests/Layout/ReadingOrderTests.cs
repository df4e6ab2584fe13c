using DocStrange.Document.Model;
using DocStrange.Extraction.Layout.Order;

namespace DocStrange.Extraction.Tests.Layout;

public class ReadingOrderTests
{
    private static readonly (string Name, BoundingBox Box)[] Page =
    [
        ("right-bottom", new(320, 500, 540, 700)),
        ("table", new(72, 400, 540, 480)),
        ("left-top", new(72, 100, 290, 380)),
        ("title", new(72, 50, 540, 80)),
        ("right-top", new(320, 100, 540, 380)),
        ("left-bottom", new(72, 500, 290, 700)),
    ];

    [Fact]
    public void Columns_are_read_in_turn_and_a_full_width_table_where_a_reader_meets_it()
    {
        var order = TopologicalReadingOrder.Instance.Order(Page, p => p.Box).Select(p => p.Name);
        Assert.Equal(["title", "left-top", "right-top", "table", "left-bottom", "right-bottom"], order);
    }

    [Fact]
    public void Right_to_left_pages_read_the_right_column_first()
    {
        var order = TopologicalReadingOrder.Instance.Order(Page, p => p.Box, rightToLeft: true).Select(p => p.Name);
        Assert.Equal(["title", "right-top", "left-top", "table", "right-bottom", "left-bottom"], order);
    }

    [Fact]
    public void A_heading_low_on_the_left_does_not_jump_ahead_of_a_centred_line_above_it()
    {
        (string Name, BoundingBox Box)[] page =
        [
            ("section", new(72, 240, 190, 250)),
            ("author", new(260, 160, 400, 172)),
            ("title", new(165, 70, 490, 90)),
            ("body", new(120, 280, 540, 400)),
        ];
        Assert.Equal(["title", "author", "section", "body"], TopologicalReadingOrder.Instance.Order(page, p => p.Box).Select(p => p.Name));
    }

    [Fact]
    public void Thousands_of_scattered_regions_are_read_by_rows_and_none_is_lost()
    {
        var random = new Random(7);
        var regions = Enumerable.Range(0, TopologicalReadingOrder.MaxRegions + 200).Select(i =>
        {
            double x = random.Next(0, 560), y = random.Next(0, 760);
            return (Name: i, Box: new BoundingBox(x, y, x + 30, y + 4));
        }).ToList();

        var order = TopologicalReadingOrder.Instance.Order(regions, r => r.Box);

        Assert.Equal(regions.Select(r => r.Name).Order(), order.Select(r => r.Name).Order());
        for (var i = 1; i < order.Count; i++)
        {
            var (a, b) = (order[i - 1].Box, order[i].Box);
            Assert.True(Math.Round(a.Top) < Math.Round(b.Top) || (Math.Round(a.Top) == Math.Round(b.Top) && a.Left <= b.Left), $"{a} before {b}");
        }
    }

    [Fact]
    public void Ordering_stops_when_its_time_budget_is_spent()
    {
        using var spent = new CancellationTokenSource();
        spent.Cancel();
        Assert.Throws<OperationCanceledException>(() => TopologicalReadingOrder.Instance.Order(Page, p => p.Box, cancellationToken: spent.Token));
    }
}
