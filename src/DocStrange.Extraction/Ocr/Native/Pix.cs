using System.Runtime.InteropServices;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>
/// An owned leptonica image (<c>PIX*</c>), destroyed when disposed or finalised. Every operation
/// returns a new image and leaves this one as it was; a null result from leptonica (it could not
/// allocate or the input made no sense) becomes an <see cref="OcrImageException"/>.
/// </summary>
internal sealed class Pix : SafeHandle
{
    private Pix() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Width in pixels.</summary>
    public int Width => Leptonica.pixGetWidth(Raw);

    /// <summary>Height in pixels.</summary>
    public int Height => Leptonica.pixGetHeight(Raw);

    /// <summary>Bits per pixel: 1, 2, 4, 8, 16 or 32.</summary>
    public int Depth => Leptonica.pixGetDepth(Raw);

    /// <summary>Horizontal resolution in pixels per inch as the file states it; 0 when unknown.</summary>
    public int Resolution => Leptonica.pixGetXRes(Raw);

    /// <summary>The native pointer, for calls that borrow the image; valid while this object is alive.</summary>
    public IntPtr Raw => IsClosed ? throw new ObjectDisposedException(nameof(Pix)) : handle;

    /// <summary>Takes ownership of a <c>PIX*</c> that leptonica returned; null becomes an <see cref="OcrImageException"/> naming the step.</summary>
    public static Pix Own(IntPtr raw, string step)
    {
        if (raw == IntPtr.Zero) throw new OcrImageException($"the image could not be processed ({step})");
        var pix = new Pix();
        pix.SetHandle(raw);
        return pix;
    }

    /// <summary>Records the resolution the image was taken at.</summary>
    public void SetResolution(int ppi) => Leptonica.pixSetResolution(Raw, ppi, ppi);

    /// <summary>Whether the image has an alpha channel (32 bits, 4 samples per pixel).</summary>
    public bool HasAlpha => Leptonica.pixGetSpp(Raw) == 4;

    /// <summary>A copy with the alpha channel blended onto white, as a viewer shows it on a white page.</summary>
    public Pix OnWhite() => Own(Leptonica.pixRemoveAlpha(Raw), "remove alpha");

    /// <summary>An 8-bit grey copy (colour by luminance, colormaps resolved).</summary>
    public Pix ToGrey() => Own(Leptonica.pixConvertTo8(Raw, 0), "grey");

    /// <summary>A copy turned clockwise by quarter turns.</summary>
    public Pix RotateQuarterTurns(int turns) => Own(Leptonica.pixRotateOrth(Raw, ((turns % 4) + 4) % 4), "rotate");

    /// <summary>A copy mirrored left to right.</summary>
    public Pix FlipLeftRight() => Own(Leptonica.pixFlipLR(IntPtr.Zero, Raw), "flip");

    /// <summary>A copy mirrored top to bottom.</summary>
    public Pix FlipTopBottom() => Own(Leptonica.pixFlipTB(IntPtr.Zero, Raw), "flip");

    /// <summary>A copy scaled by <paramref name="factor"/> (linear interpolation up, area mapping down).</summary>
    public Pix Scale(double factor) => Own(Leptonica.pixScale(Raw, (float)factor, (float)factor), "scale");

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        var raw = handle;
        Leptonica.pixDestroy(ref raw);
        return true;
    }
}
