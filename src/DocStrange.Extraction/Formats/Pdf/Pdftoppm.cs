using System.Diagnostics;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;
using DocStrange.Extraction.Ocr.Native;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// Renders one PDF page to an 8-bit grey image with poppler's <c>pdftoppm -gray</c> (Debian
/// <c>poppler-utils</c>) in a separate process, read back as PGM from its standard output: PGM costs
/// nothing to encode (PNG would spend about a second per page on deflate), and a separate process
/// keeps poppler's licence and its crashes out of ours. A run past the timeout is killed.
/// </summary>
internal static class Pdftoppm
{
    /// <summary>The program, found on the PATH.</summary>
    public const string Program = "pdftoppm";

    /// <summary>Page <paramref name="number"/> of the PDF at <paramref name="path"/> at <paramref name="resolution"/> ppi.</summary>
    public static async Task<OcrImage> RenderAsync(string path, int number, int resolution, string? password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var output = await RunAsync(["-gray", "-r", Number(resolution), "-f", Number(number), "-l", Number(number)], path, password, timeout, cancellationToken);
        return Decode(output, resolution);
    }

    /// <summary>
    /// The region <paramref name="box"/> (points, top-left origin, as the page is displayed) of page
    /// <paramref name="number"/> at <paramref name="resolution"/> ppi, as PNG: a picture that the file
    /// holds as vector drawing or as many small images. Regions are small, so PNG's deflate costs little here.
    /// </summary>
    public static async Task<byte[]> RenderRegionPngAsync(string path, int number, Document.Model.BoundingBox box, int resolution, string? password,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var scale = resolution / 72.0;
        var x = (int)Math.Floor(Math.Max(0, box.Left) * scale);
        var y = (int)Math.Floor(Math.Max(0, box.Top) * scale);
        var w = Math.Max(1, (int)Math.Ceiling(box.Right * scale) - x);
        var h = Math.Max(1, (int)Math.Ceiling(box.Bottom * scale) - y);
        using var output = await RunAsync(["-png", "-r", Number(resolution), "-f", Number(number), "-l", Number(number),
            "-x", Number(x), "-y", Number(y), "-W", Number(w), "-H", Number(h)], path, password, timeout, cancellationToken);
        return output.ToArray();
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Runs pdftoppm with the arguments, then the password and the file, and returns what it wrote to standard output.
    private static async Task<MemoryStream> RunAsync(string[] arguments, string path, string? password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(password))
        {
            start.ArgumentList.Add("-upw");
            start.ArgumentList.Add(password);
        }
        start.ArgumentList.Add(path);

        using var process = StartOrExplain(start);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = new MemoryStream();
        try
        {
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.StandardOutput.BaseStream.CopyToAsync(output, deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            if (process.ExitCode != 0 || output.Length == 0)
            {
                var why = (await stderr).Trim();
                throw new OcrEngineException($"pdftoppm failed (exit code {process.ExitCode}){(why.Length > 0 ? ": " + why.Split('\n')[0] : "")}");
            }
            return output;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            output.Dispose();
            throw new OcrEngineException($"pdftoppm did not render the page within {timeout.TotalSeconds:0} s");
        }
        catch
        {
            Kill(process);
            output.Dispose();
            throw;
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new OcrEngineException("pdftoppm could not be started");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new OcrEngineException("pdftoppm is not installed (Debian package poppler-utils)", ex);
        }
    }

    private static unsafe OcrImage Decode(MemoryStream pgm, int resolution)
    {
        NativeEnvironment.Prepare();
        var bytes = pgm.GetBuffer();
        fixed (byte* p = bytes)
        {
            var pix = Pix.Own(Leptonica.pixReadMemPnm(p, (nuint)pgm.Length), "read the rendered page");
            pix.SetResolution(resolution);
            return new OcrImage(pix, resolution);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }
}
