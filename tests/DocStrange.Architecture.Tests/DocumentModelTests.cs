using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace DocStrange.Architecture.Tests;

/// <summary>The document model and its exporters know nothing of HTTP or of jobs.</summary>
public sealed class DocumentModelTests
{
    [Fact]
    public void The_document_names_no_http_type()
    {
        // The compiler keeps a reference only to an assembly whose types are used; the framework's HTTP types are outside the loaded architecture.
        var http = ProductionCode.Document.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
        Assert.True(http.Count == 0, $"DocStrange.Document uses HTTP types from {string.Join(", ", http)}");
    }

    [Fact]
    public void The_document_names_no_job_type()
    {
        Types().That().ResideInAssembly(ProductionCode.Document)
            .Should().NotDependOnAny(Types().That().HaveFullNameStartingWith("DocStrange.Jobs")
                .Or().HaveFullNameStartingWith("DocStrange.Worker").Or().HaveFullNameStartingWith("DocStrange.Api"))
            .Check(ProductionCode.Architecture);
    }
}
