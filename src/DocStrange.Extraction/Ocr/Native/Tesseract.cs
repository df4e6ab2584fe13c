using System.Runtime.InteropServices;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>
/// The Tesseract 5 C API functions DocStrange calls (Debian's <c>libtesseract.so.5</c>, header
/// <c>tesseract/capi.h</c>). <c>BOOL</c> is a C <c>int</c>; strings returned by the API are freed
/// with <see cref="TessDeleteText"/>. Call <see cref="NativeEnvironment.Prepare"/> before the first
/// of these: loading the library starts its OpenMP runtime.
/// </summary>
internal static unsafe partial class Tesseract
{
    private const string Library = "libtesseract.so.5";

    /// <summary>Page iterator levels (<c>TessPageIteratorLevel</c>).</summary>
    public const int Block = 0, Paragraph = 1, TextLine = 2, Word = 3;

    /// <summary>Engine modes (<c>TessOcrEngineMode</c>): the legacy classifier (OSD needs it) and the default.</summary>
    public const int EngineLegacy = 0, EngineDefault = 3;

    /// <summary>Page segmentation modes (<c>TessPageSegMode</c>).</summary>
    public const int SegmentOsdOnly = 0, SegmentAuto = 3;

    [LibraryImport(Library)]
    public static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    public static partial void TessDeleteTextArray(IntPtr array);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(IntPtr api);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(IntPtr api);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit2(TessBaseApiHandle api, string? dataPath, string language, int engineMode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TessBaseApiHandle api, string name, string value);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetAvailableLanguagesAsVector(TessBaseApiHandle api);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle api, int mode);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage2(TessBaseApiHandle api, IntPtr pix);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle api, int ppi);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetThresholdedImage(TessBaseApiHandle api);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(TessBaseApiHandle api, IntPtr monitor);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(TessBaseApiHandle api);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIDetectOrientationScript(TessBaseApiHandle api, out int degrees, out float confidence,
        out IntPtr scriptName, out float scriptConfidence);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetIterator(TessBaseApiHandle api);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial int TessResultIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBlockType(IntPtr pageIterator);

    [LibraryImport(Library)]
    public static partial void TessPageIteratorBegin(IntPtr pageIterator);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorNext(IntPtr pageIterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(IntPtr pageIterator, int level, out int left, out int top, out int right, out int bottom);

    /// <summary>Orientations of a block's text (<c>TessOrientation</c>): which way the top of its letters points on the page.</summary>
    public const int PageUp = 0, PageRight = 1, PageDown = 2, PageLeft = 3;

    /// <summary>The writing direction of a block's text (<c>TessWritingDirection</c>) that runs down the page.</summary>
    public const int TopToBottom = 2;

    [LibraryImport(Library)]
    public static partial void TessPageIteratorOrientation(IntPtr pageIterator, out int orientation, out int writingDirection, out int textlineOrder, out float deskewAngle);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBaseline(IntPtr pageIterator, int level, out int x1, out int y1, out int x2, out int y2);

    [LibraryImport(Library)]
    public static partial IntPtr TessMonitorCreate();

    [LibraryImport(Library)]
    public static partial void TessMonitorDelete(IntPtr monitor);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelFunc(IntPtr monitor, delegate* unmanaged<IntPtr, int, byte> cancel);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelThis(IntPtr monitor, IntPtr state);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetDeadlineMSecs(IntPtr monitor, int milliseconds);

    /// <summary>A UTF-8 string the API allocated, copied and freed.</summary>
    public static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero) return "";
        try
        {
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            TessDeleteText(text);
        }
    }
}
