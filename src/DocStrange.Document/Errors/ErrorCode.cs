namespace DocStrange.Document.Errors;

/// <summary>
/// An error code as clients see it: its wire name in upper snake case (<c>FILE_TOO_LARGE</c>, SPEC §2).
/// The codes a conversion can raise are declared here; the service declares the rest next to the
/// jobs it runs, so a code is a value rather than a member of one closed list.
/// </summary>
public readonly record struct ErrorCode(string Name)
{
    public static readonly ErrorCode InvalidRequest = new("INVALID_REQUEST");
    public static readonly ErrorCode InvalidFileType = new("INVALID_FILE_TYPE");
    public static readonly ErrorCode FileTooLarge = new("FILE_TOO_LARGE");
    public static readonly ErrorCode FileEmpty = new("FILE_EMPTY");
    public static readonly ErrorCode UnreadableDocument = new("UNREADABLE_DOCUMENT");
    public static readonly ErrorCode EncryptedDocument = new("ENCRYPTED_DOCUMENT");
    public static readonly ErrorCode TooManyPages = new("TOO_MANY_PAGES");
    public static readonly ErrorCode ProcessingError = new("PROCESSING_ERROR");
    public static readonly ErrorCode OcrFailed = new("OCR_FAILED");
    public static readonly ErrorCode ResourceLimit = new("RESOURCE_LIMIT");
    public static readonly ErrorCode InvalidSchema = new("INVALID_SCHEMA");
    public static readonly ErrorCode SchemaTooLarge = new("SCHEMA_TOO_LARGE");

    /// <summary>The codes of a conversion, in the order the error reference lists them.</summary>
    public static IReadOnlyList<ErrorCode> DocumentCodes { get; } =
        [InvalidRequest, InvalidFileType, FileTooLarge, FileEmpty, UnreadableDocument, EncryptedDocument, TooManyPages, ProcessingError, OcrFailed, ResourceLimit, InvalidSchema, SchemaTooLarge];

    public override string ToString() => Name;
}
