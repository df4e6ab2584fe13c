using System.Runtime.InteropServices;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>An owned <c>TessBaseAPI*</c>: ended and deleted when disposed or finalised. Not thread-safe; one thread uses it at a time.</summary>
internal sealed class TessBaseApiHandle : SafeHandle
{
    /// <summary>A new, uninitialised API; call <see cref="Tesseract.TessBaseAPIInit2"/> next.</summary>
    public TessBaseApiHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
        NativeEnvironment.Prepare();
        SetHandle(Tesseract.TessBaseAPICreate());
        if (IsInvalid) throw new OcrEngineException("Tesseract could not be started.");
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        Tesseract.TessBaseAPIEnd(handle);
        Tesseract.TessBaseAPIDelete(handle);
        return true;
    }
}
