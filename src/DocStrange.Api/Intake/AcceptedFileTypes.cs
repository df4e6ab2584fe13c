using DocStrange.Document.Errors;
using DocStrange.Document.Files;
using DocStrange.Jobs.Ports;

namespace DocStrange.Api.Intake;

/// <summary>
/// The API's one check of an incoming file's name: its extension on the allow-list and a type this server
/// converts. Every entry runs it before storing a byte (the converter checks again for the CLI's sake).
/// </summary>
internal sealed class AcceptedFileTypes(IFormatCatalog formats)
{
    /// <summary>The kind <paramref name="fileName"/>'s extension names; <c>INVALID_FILE_TYPE</c> when it is not accepted here.</summary>
    public FileKind Of(string fileName)
    {
        var kind = FileKinds.FromFileName(fileName);
        if (kind == FileKind.Unknown)
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType, $"Files like '{fileName}' are not accepted.",
                new Dictionary<string, object?> { ["file_name"] = fileName, ["allowed_extensions"] = FileKinds.Extensions.ToArray() });
        }
        if (!formats.InputKinds.Contains(kind))
        {
            throw new DocStrangeException(ErrorCode.InvalidFileType,
                $"This server cannot convert {FileKinds.NameOf(kind).ToUpperInvariant()} files yet.",
                new Dictionary<string, object?> { ["file_name"] = fileName, ["supported_types"] = formats.InputKinds.Select(FileKinds.NameOf).ToArray() });
        }
        return kind;
    }
}
