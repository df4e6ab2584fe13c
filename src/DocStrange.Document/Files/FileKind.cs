namespace DocStrange.Document.Files;

/// <summary>The kinds of input file DocStrange knows by extension and content.</summary>
public enum FileKind
{
    Unknown,
    Pdf,
    Docx,
    Xlsx,
    Xls,
    Pptx,
    Csv,
    Html,
    Markdown,
    Text,
    Png,
    Jpeg,
    Tiff,
    Bmp,
    Gif,
    Webp,
    Doc,
    Ppt,
    Odt,
    Ods,
    Odp,
}
