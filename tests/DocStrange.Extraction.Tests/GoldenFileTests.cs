using System.Text.Json;
using DocStrange.Document.Errors;
using DocStrange.Document.Export;
using DocStrange.Document.Files;

namespace DocStrange.Extraction.Tests;

/// <summary>
/// Every fixture under <c>data/&lt;kind&gt;/</c> is converted and compared exactly with the golden
/// files beside it: for PDFs the real exporter output, <c>&lt;name&gt;.pdf.md</c> (Markdown) and
/// <c>&lt;name&gt;.pdf.json</c> (JSON); for the other kinds <c>&lt;name&gt;.&lt;ext&gt;.txt</c>
/// (see <see cref="GoldenText"/>). A missing golden file fails; <c>UPDATE_GOLDEN=1</c> writes the
/// golden files into the source tree instead, for review. A fixture named <c>password_X.pdf</c> is
/// opened with the password X; a fixture that fails pins its error code and message instead.
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Directory.EnumerateFiles(TestData.OutputRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var kind = FileKinds.FromFileName(path);
            // A golden file is named after its fixture plus an extension ("x.pdf.md" beside "x.pdf").
            if (kind is FileKind.Unknown or FileKind.Text || File.Exists(Path.ChangeExtension(path, null))) continue;
            var fixture = Path.GetRelativePath(TestData.OutputRoot, path).Replace('\\', '/');
            if (kind == FileKind.Pdf)
            {
                data.Add(fixture, ".md");
                data.Add(fixture, ".json");
            }
            else
            {
                data.Add(fixture, ".txt");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Extraction_matches_the_golden_file(string fixture, string golden)
    {
        var name = Path.GetFileName(fixture);
        var options = name.StartsWith("password_", StringComparison.Ordinal)
            ? new ConversionOptions { Password = Path.GetFileNameWithoutExtension(name)["password_".Length..] }
            : ConversionOptions.Default;
        string actual;
        try
        {
            var document = await DocumentConverter.CreateDefault().ConvertFileAsync(TestData.PathOf(fixture), options);
            actual = golden switch
            {
                ".md" => DocumentExporters.ExportToString(document, OutputFormat.Markdown),
                ".json" => DocumentExporters.ExportToString(document, OutputFormat.Json),
                _ => GoldenText.Render(document),
            };
        }
        catch (DocStrangeException ex)
        {
            actual = golden == ".json" ? ErrorJson(ex) : GoldenText.Render(ex);
        }

        if (TestData.UpdateGolden)
        {
            await File.WriteAllTextAsync(Path.Combine(TestData.SourceRoot(), fixture + golden), actual);
            return;
        }
        var goldenPath = TestData.PathOf(fixture + golden);
        Assert.True(File.Exists(goldenPath), $"No golden file {fixture}{golden}; run the tests with UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(await File.ReadAllTextAsync(goldenPath), actual);
    }

    private static string ErrorJson(DocStrangeException error) =>
        JsonSerializer.Serialize(new { error = new { code = ErrorCatalog.NameOf(error.Code), message = error.Message } }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
