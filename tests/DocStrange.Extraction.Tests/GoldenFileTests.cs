using DocStrange.Document.Errors;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>
/// Every fixture under <c>data/&lt;kind&gt;/</c> is converted and compared exactly with the golden
/// <c>&lt;name&gt;.&lt;ext&gt;.txt</c> beside it (see <see cref="GoldenText"/>). A missing golden file
/// fails; <c>UPDATE_GOLDEN=1</c> writes the golden files into the source tree instead, for review.
/// A fixture named <c>password_X.pdf</c> is opened with the password X; a fixture that fails pins
/// its error code and message instead.
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestData.OutputRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (FileKinds.FromFileName(path) is FileKind.Unknown or FileKind.Text) continue;
            data.Add(Path.GetRelativePath(TestData.OutputRoot, path).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Extraction_matches_the_golden_file(string fixture)
    {
        var name = Path.GetFileName(fixture);
        var options = name.StartsWith("password_", StringComparison.Ordinal)
            ? new ConversionOptions { Password = Path.GetFileNameWithoutExtension(name)["password_".Length..] }
            : ConversionOptions.Default;
        string actual;
        try
        {
            actual = GoldenText.Render(await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), options));
        }
        catch (DocStrangeException ex)
        {
            actual = GoldenText.Render(ex);
        }

        if (TestData.UpdateGolden)
        {
            await File.WriteAllTextAsync(Path.Combine(TestData.SourceRoot(), fixture + ".txt"), actual);
            return;
        }
        var goldenPath = TestData.PathOf(fixture + ".txt");
        Assert.True(File.Exists(goldenPath), $"No golden file for {fixture}; run the tests with UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(await File.ReadAllTextAsync(goldenPath), actual);
    }
}
