using DocStrange.Document.Export;

namespace DocStrange.Api.OpenApi;

/// <summary>The wire names of the output formats, for enums of parameters the handlers read as text.</summary>
public static class OutputFormatNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<OutputFormat>().Select(OutputFormats.NameOf)];
}
