using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace DocStrange.Architecture.Tests;

/// <summary>
/// The namespaces inside a project depend on each other one way: a cycle makes them one namespace in
/// fact. Extraction has one exception: a parent namespace and its children may use each other where
/// the parent holds the shared types and the pipeline that calls its children (<c>Layout</c> with
/// <c>Layout.Blocks</c>, <c>.Lines</c>, <c>.Order</c>, <c>.Regions</c>, <c>.Tables</c>; <c>Ocr</c> with
/// <c>Ocr.Native</c>), so inside <c>Layout</c> only its children are held to the rule, and between the
/// areas only the way from <c>Formats</c> (the readers) to <c>Layout</c> and <c>Ocr</c> is checked.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Theory]
    [InlineData("DocStrange.Extraction.Formats.(**)")]
    [InlineData("DocStrange.Extraction.Layout.(*)..")]
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
