namespace DocStrange.Architecture.Tests;

/// <summary>
/// Which project may reference which. The storage adapters are referenced only by the executables
/// (the API host, the CLI) and by test hosts; the libraries meet them through the ports of Jobs.
/// </summary>
public sealed class ProjectReferenceTests
{
    [Theory]
    [InlineData("DocStrange.Document")]
    [InlineData("DocStrange.Client")]
    [InlineData("DocStrange.Telemetry")]
    [InlineData("DocStrange.Extraction", "DocStrange.Document")]
    [InlineData("DocStrange.Jobs", "DocStrange.Document")]
    [InlineData("DocStrange.Storage", "DocStrange.Jobs")]
    [InlineData("DocStrange.Api", "DocStrange.Document", "DocStrange.Jobs")]
    [InlineData("DocStrange.Worker", "DocStrange.Jobs", "DocStrange.Extraction", "DocStrange.Document")]
    public void A_library_references_only_the_projects_below_it(string project, params string[] allowed)
    {
        var unexpected = ProjectReferences.Of(project).Except(allowed, StringComparer.Ordinal).Order().ToList();
        Assert.True(unexpected.Count == 0, $"{project} references {string.Join(", ", unexpected)}; it may reference only: {(allowed.Length == 0 ? "nothing" : string.Join(", ", allowed))}");
    }
}
