using System.Reflection;
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

    [Fact]
    public void The_document_declares_no_code_of_the_service()
    {
        var service = typeof(Jobs.Errors.ServiceErrors).GetFields().Select(f => f.GetValue(null)).ToHashSet();
        var declared = ProductionCode.Document.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Document.Errors.ErrorCode) && service.Contains(f.GetValue(null)))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}").ToList();
        Assert.True(declared.Count == 0, $"DocStrange.Document declares service error codes: {string.Join(", ", declared)}");
    }

    [Fact]
    public void The_document_holds_no_http_status()
    {
        // The API maps codes to statuses; a status anywhere in the document's types is the table creeping back.
        var members = ProductionCode.Document.GetTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.Contains("HttpStatus", StringComparison.OrdinalIgnoreCase) || m.Name.Contains("StatusCode", StringComparison.OrdinalIgnoreCase))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.True(members.Count == 0, $"DocStrange.Document has HTTP statuses: {string.Join(", ", members)}");
    }
}
