using System.Runtime.InteropServices;

namespace DocStrange.Extraction.Ocr.Native;

/// <summary>
/// Puts <c>OMP_THREAD_LIMIT=1</c> into the process environment through libc before Tesseract is
/// loaded: its OpenMP runtime reads the variable once, when the library loads, and otherwise starts
/// a thread team per call that thrashes against our own page parallelism (about 5x slower on two
/// cores). <see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's copy.
/// </summary>
internal static partial class NativeEnvironment
{
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>Sets the variable once; call before the first call into Tesseract or leptonica.</summary>
    public static void Prepare()
    {
        lock (Gate)
        {
            if (_done) return;
            if (OperatingSystem.IsLinux()) _ = setenv("OMP_THREAD_LIMIT", "1", 1);
            Environment.SetEnvironmentVariable("OMP_THREAD_LIMIT", "1");
            _done = true;
            try
            {
                Leptonica.setMsgSeverity(Leptonica.SeverityNone);
            }
            catch (DllNotFoundException)
            {
                // No leptonica: the first image to decode says so.
            }
        }
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
