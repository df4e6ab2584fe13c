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
    public void Blocks_side_by_side_above_a_blank_band_are_read_before_the_blocks_below_it()
    {
        // An invoice: sender beside the invoice details, a blank band, then the two addresses.
        (string Name, BoundingBox Box)[] page =
        [
            ("sender", new(58, 55, 175, 100)),
            ("details", new(430, 55, 555, 112)),
            ("bill-to", new(58, 135, 140, 180)),
            ("ship-to", new(436, 135, 555, 180)),
        ];
        Assert.Equal(["sender", "details", "bill-to", "ship-to"], TopologicalReadingOrder.Instance.Order(page, p => p.Box, bodySize: 10).Select(p => p.Name));
        // Without the page's body size no band is measured: the left column is read first, as before.
        Assert.Equal(["sender", "bill-to", "details", "ship-to"], TopologicalReadingOrder.Instance.Order(page, p => p.Box).Select(p => p.Name));
    }

    [Fact]
    public void Rows_of_one_line_labels_and_values_are_read_across()
    {
        (string Name, BoundingBox Box)[] page =
        [
            ("signature-label", new(72, 100, 130, 110)),
            ("signature", new(200, 100, 260, 110)),
            ("date-label", new(72, 118, 110, 128)),
            ("date", new(200, 118, 255, 128)),
        ];
        Assert.Equal(["signature-label", "signature", "date-label", "date"], TopologicalReadingOrder.Instance.Order(page, p => p.Box, bodySize: 10).Select(p => p.Name));
    }

    [Fact]
    public void Two_columns_of_paragraphs_are_still_read_column_by_column()
    {
        (string Name, BoundingBox Box)[] page =
        [
            ("left-1", new(72, 100, 290, 200)), ("left-2", new(72, 206, 290, 330)),
            ("right-1", new(320, 100, 540, 260)), ("right-2", new(320, 266, 540, 330)),
        ];
        Assert.Equal(["left-1", "left-2", "right-1", "right-2"], TopologicalReadingOrder.Instance.Order(page, p => p.Box, bodySize: 10).Select(p => p.Name));
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
