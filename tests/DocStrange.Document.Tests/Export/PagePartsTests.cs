using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Model;
using static DocStrange.Document.Tests.Export.Docs;

namespace DocStrange.Document.Tests.Export;

public class PagePartsTests
{
    [Fact]
    public void Each_page_gets_its_blocks_its_warnings_and_the_pageless_blocks_after_them()
    {
        var document = Of(
            new Block { Role = BlockRole.Paragraph, Text = "one", Provenance = new Provenance(1) },
            new Block { Role = BlockRole.Paragraph, Text = "no page" },
            new Block { Role = BlockRole.Paragraph, Text = "three", Provenance = new Provenance(3) }) with
        {
            Pages = [new PageInfo(1, 612, 792), new PageInfo(2, 612, 792), new PageInfo(3, 612, 792)],
            Warnings = [new DocumentWarning(ErrorCode.OcrFailed, "page 2 broke", 2), new DocumentWarning(ErrorCode.OcrFailed, "all", null)],
        };

        var parts = PageParts.Of(document).ToList();

        Assert.Equal([1, 2, 3], parts.Select(p => p.Page));
        Assert.Equal(["one", "no page"], parts[0].Part.Blocks.Select(b => b.Text));
        Assert.Empty(parts[1].Part.Blocks);
        Assert.Equal(["page 2 broke"], parts[1].Part.Warnings.Select(w => w.Message));
        Assert.Equal(["three"], parts[2].Part.Blocks.Select(b => b.Text));
        Assert.All(parts, p => Assert.Equal([p.Page], p.Part.Pages.Select(i => i.Number)));
    }
}
