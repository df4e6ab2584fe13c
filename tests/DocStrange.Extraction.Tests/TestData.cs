namespace DocStrange.Extraction.Tests;

/// <summary>Where the fixtures are: copied next to the test assembly, and their source folder for UPDATE_GOLDEN.</summary>
internal static class TestData
{
    public static string OutputRoot => Path.Combine(AppContext.BaseDirectory, "data");

    public static string PathOf(string relative) => Path.Combine(OutputRoot, relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    /// <summary>The <c>data</c> folder in the source tree: the folder holding the test project's .csproj, found walking up from the binaries.</summary>
    public static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("DocStrange.Extraction.Tests.csproj").Length > 0) return Path.Combine(dir.FullName, "data");
        }
        throw new InvalidOperationException("The test project's folder was not found above " + AppContext.BaseDirectory);
    }

    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
}
