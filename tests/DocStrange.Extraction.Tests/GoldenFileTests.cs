using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;
using DocStrange.Document.Model;

namespace DocStrange.Extraction.Tests;

/// <summary>
/// Every fixture under <c>data/&lt;kind&gt;/</c> is converted and compared exactly with its golden files:
/// <c>&lt;name&gt;.&lt;ext&gt;.md</c> (the Markdown export) and <c>&lt;name&gt;.&lt;ext&gt;.json</c> (the JSON
/// export) beside it; a fixture that still has a role-prefixed <c>&lt;name&gt;.&lt;ext&gt;.txt</c>
/// (<see cref="GoldenText"/>) is compared with that instead. A missing golden file fails;
/// <c>UPDATE_GOLDEN=1</c> writes the golden files into the source tree instead, for review. A fixture
/// named <c>password_X.pdf</c> is opened with the password X; a fixture that fails pins its error code
/// and message instead (in the <c>.md</c> as <c>[error CODE] message</c>, in the <c>.json</c> as an object).
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestData.OutputRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (FileKinds.FromFileName(path) is FileKind.Unknown or FileKind.Text) continue;
            if (path.EndsWith(".md", StringComparison.Ordinal) && File.Exists(path[..^3])) continue;
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
        DocumentModel? document = null;
        DocStrangeException? error = null;
        try
        {
            document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), options);
        }
        catch (DocStrangeException ex)
        {
            error = ex;
        }

        var legacy = File.Exists(TestData.PathOf(fixture + ".txt"));
        var goldens = legacy
            ? new Dictionary<string, string> { [".txt"] = document is null ? GoldenText.Render(error!) : GoldenText.Render(document) }
            : new Dictionary<string, string>
            {
                [".md"] = document is null ? GoldenText.Render(error!) : DocumentExporters.ExportToString(document, OutputFormat.Markdown),
                [".json"] = document is null ? ErrorJson(error!) : DocumentExporters.ExportToString(document, OutputFormat.Json),
            };
        foreach (var (extension, actual) in goldens)
        {
            if (TestData.UpdateGolden)
            {
                await File.WriteAllTextAsync(Path.Combine(TestData.SourceRoot(), fixture + extension), actual);
                continue;
            }
            var goldenPath = TestData.PathOf(fixture + extension);
            Assert.True(File.Exists(goldenPath), $"No golden file {fixture}{extension}; run the tests with UPDATE_GOLDEN=1 to write it, then review it.");
            Assert.Equal(await File.ReadAllTextAsync(goldenPath), actual);
        }
    }

    private static string ErrorJson(DocStrangeException error) => JsonSerializer.Serialize(
        new Dictionary<string, object> { ["error"] = new Dictionary<string, string> { ["code"] = error.Code.Name, ["message"] = error.Message } },
        new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
