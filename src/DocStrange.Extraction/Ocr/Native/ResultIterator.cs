using System.Runtime.InteropServices;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>An owned <c>TessResultIterator*</c> over the last recognition, deleted when disposed; its page iterator is borrowed from it.</summary>
internal sealed class ResultIterator : SafeHandle
{
    private ResultIterator() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The iterator over the API's last result, or null when nothing was recognised.</summary>
    public static ResultIterator? Of(TessBaseApiHandle api)
    {
        var raw = Tesseract.TessBaseAPIGetIterator(api);
        if (raw == IntPtr.Zero) return null;
        var iterator = new ResultIterator();
        iterator.SetHandle(raw);
        return iterator;
    }

    /// <summary>The native iterator, valid while this object is alive.</summary>
    public IntPtr Raw => IsClosed ? throw new ObjectDisposedException(nameof(ResultIterator)) : handle;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        Tesseract.TessResultIteratorDelete(handle);
        return true;
    }
}
