using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace DocStrange.Architecture.Tests;

/// <summary>
/// The adapters stay behind the ports of Jobs: only the hosts that wire them (the API host and the
/// CLI) name a type of the Storage assembly. Test hosts may too; they are not loaded here.
/// </summary>
public sealed class StorageBoundaryTests
{
    [Fact]
    public void Only_the_hosts_name_storage_types()
    {
        Types().That().DoNotResideInAssembly(ProductionCode.Storage, ProductionCode.Server, ProductionCode.Cli)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(ProductionCode.Storage))
            .Check(ProductionCode.Architecture);
    }
}
