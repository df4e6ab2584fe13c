using System.Runtime.InteropServices;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>
/// Tesseract's progress monitor (<c>ETEXT_DESC</c>) for one recognition: a deadline, and a cancel
/// callback Tesseract polls between words that answers from a <see cref="CancellationToken"/>.
/// </summary>
internal sealed unsafe class RecognitionMonitor : IDisposable
{
    private readonly GCHandle _state;
    private IntPtr _monitor;

    public RecognitionMonitor(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _monitor = Tesseract.TessMonitorCreate();
        if (_monitor == IntPtr.Zero) throw new OcrEngineException("Tesseract could not create a progress monitor.");
        _state = GCHandle.Alloc(new TokenBox(cancellationToken));
        Tesseract.TessMonitorSetCancelThis(_monitor, GCHandle.ToIntPtr(_state));
        Tesseract.TessMonitorSetCancelFunc(_monitor, &Cancel);
        Tesseract.TessMonitorSetDeadlineMSecs(_monitor, (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue));
    }

    /// <summary>The native monitor, valid until disposed.</summary>
    public IntPtr Raw => _monitor;

    public void Dispose()
    {
        if (_monitor == IntPtr.Zero) return;
        Tesseract.TessMonitorDelete(_monitor);
        _monitor = IntPtr.Zero;
        _state.Free();
    }

    [UnmanagedCallersOnly]
    private static byte Cancel(IntPtr state, int words)
    {
        try
        {
            return GCHandle.FromIntPtr(state).Target is TokenBox { Token.IsCancellationRequested: true } ? (byte)1 : (byte)0;
        }
        catch
        {
            // An exception must not unwind into native code.
            return 0;
        }
    }

    private sealed record TokenBox(CancellationToken Token);
}
