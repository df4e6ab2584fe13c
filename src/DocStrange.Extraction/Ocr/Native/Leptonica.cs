using System.Runtime.InteropServices;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>
/// The leptonica 1.82 functions DocStrange calls (Debian's <c>liblept.so.5</c>), as declared in
/// <c>leptonica/allheaders.h</c>. A returned <c>PIX*</c> is owned by the caller: wrap it in a
/// <see cref="Pix"/> at once. Functions return 0 for success where they return a status.
/// </summary>
internal static unsafe partial class Leptonica
{
    private const string Library = "liblept.so.5";

    /// <summary>leptonica's <c>L_SEVERITY_NONE</c>: no messages on stderr.</summary>
    public const int SeverityNone = 6;

    /// <summary>leptonica's <c>IFF_TIFF</c> .. <c>IFF_TIFF_JPEG</c> file formats.</summary>
    public static bool IsTiffFormat(int format) => format is >= 4 and <= 10 or 17;

    [LibraryImport(Library)]
    public static partial int setMsgSeverity(int severity);

    [LibraryImport(Library)]
    public static partial IntPtr pixReadMem(byte* data, nuint size);

    [LibraryImport(Library)]
    public static partial IntPtr pixReadMemTiff(byte* data, nuint size, int page);

    [LibraryImport(Library)]
    public static partial IntPtr pixReadMemPnm(byte* data, nuint size);

    [LibraryImport(Library)]
    public static partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int width, out int height,
        out int bitsPerSample, out int samplesPerPixel, out int hasColormap);

    [LibraryImport(Library)]
    public static partial int readHeaderMemTiff(byte* data, nuint size, int page, out int width, out int height,
        out int bitsPerSample, out int samplesPerPixel, out int resolution, out int hasColormap, out int format);

    [LibraryImport(Library)]
    public static partial IntPtr pixCreate(int width, int height, int depth);

    [LibraryImport(Library)]
    public static partial void pixDestroy(ref IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetWidth(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetHeight(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetDepth(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetWpl(IntPtr pix);

    [LibraryImport(Library)]
    public static partial uint* pixGetData(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetXRes(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixGetYRes(IntPtr pix);

    [LibraryImport(Library)]
    public static partial int pixSetResolution(IntPtr pix, int xres, int yres);

    [LibraryImport(Library)]
    public static partial int pixGetSpp(IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr pixRemoveAlpha(IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr pixConvertTo8(IntPtr pix, int colormapFlag);

    [LibraryImport(Library)]
    public static partial IntPtr pixRotateOrth(IntPtr pix, int quarterTurns);

    [LibraryImport(Library)]
    public static partial IntPtr pixFlipLR(IntPtr target, IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr pixFlipTB(IntPtr target, IntPtr pix);

    [LibraryImport(Library)]
    public static partial IntPtr pixScale(IntPtr pix, float scaleX, float scaleY);

    [LibraryImport(Library)]
    public static partial IntPtr pixConvertTo1(IntPtr pix, int threshold);

    [LibraryImport(Library)]
    public static partial IntPtr pixConnComp(IntPtr pix, IntPtr pixa, int connectivity);

    [LibraryImport(Library)]
    public static partial int boxaGetCount(IntPtr boxa);

    [LibraryImport(Library)]
    public static partial int boxaGetBoxGeometry(IntPtr boxa, int index, out int x, out int y, out int width, out int height);

    [LibraryImport(Library)]
    public static partial void boxaDestroy(ref IntPtr boxa);

    /// <summary>A copy of the pixels (not a second reference to the same ones).</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixCopy(IntPtr target, IntPtr pix);

    /// <summary>A morphological closing by a <paramref name="width"/> × <paramref name="height"/> brick that treats the border as white (nothing joins to it).</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixCloseSafeCompBrick(IntPtr target, IntPtr pix, int width, int height);

    /// <summary>A morphological opening by a <paramref name="width"/> × <paramref name="height"/> brick, done as a composite of smaller bricks (fast for long ones).</summary>
    [LibraryImport(Library)]
    public static partial IntPtr pixOpenCompBrick(IntPtr target, IntPtr pix, int width, int height);

    [LibraryImport(Library)]
    public static partial IntPtr pixFindSkewAndDeskew(IntPtr pix, int reduction, out float angle, out float confidence);
}
