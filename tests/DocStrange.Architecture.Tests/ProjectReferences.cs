using System.Xml.Linq;

namespace DocStrange.Architecture.Tests;

/// <summary>The project references of the projects under src/, read from their project files.</summary>
internal static class ProjectReferences
{
    private static readonly string Source = Path.Combine(RepositoryRoot(), "src");

    /// <summary>The names of the projects <paramref name="project"/> references, e.g. <c>DocStrange.Jobs</c>.</summary>
    public static IReadOnlySet<string> Of(string project)
    {
        var file = XDocument.Load(Path.Combine(Source, project, $"{project}.csproj"));
        return file.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocStrange.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No DocStrange.slnx above {AppContext.BaseDirectory}.");
    }
}
