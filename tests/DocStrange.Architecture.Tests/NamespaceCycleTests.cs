using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace DocStrange.Architecture.Tests;

/// <summary>
/// The namespaces inside a project depend on each other one way: a cycle makes them one namespace in
/// fact. In Extraction a parent namespace holds only what its children share (<c>Layout</c>: words,
/// lines, geometry; the page pipeline that calls the children is <c>Layout.Pages</c>), and the readers
/// (<c>Formats</c>) call layout and OCR, never the other way.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData("DocStrange.Extraction.(**)")]
    [InlineData("DocStrange.Api.(**)")]
    public void The_namespaces_have_no_cycles(string slices)
    {
        Slices().Matching(slices).Should().BeFreeOfCycles().Check(ProductionCode.Architecture);
    }

    [Fact]
    public void Layout_and_ocr_do_not_call_back_into_the_readers()
    {
        Types().That().HaveFullNameStartingWith("DocStrange.Extraction.Layout").Or().HaveFullNameStartingWith("DocStrange.Extraction.Ocr")
            .Should().NotDependOnAny(Types().That().HaveFullNameStartingWith("DocStrange.Extraction.Formats"))
            .Check(ProductionCode.Architecture);
    }
}
