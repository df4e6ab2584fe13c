using System.Text;

namespace DocStrange.Client.Tests;

/// <summary>Documents to submit.</summary>
internal static class TestFiles
{
    public static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    public static string MultiPagePdfPath => Path.Combine(AppContext.BaseDirectory, "data", "multi_page.pdf");

    /// <summary>Three slides; the second and third have speaker notes.</summary>
    public static string PresentationPath => Path.Combine(AppContext.BaseDirectory, "data", "powerpoint_sample.pptx");
}

/// <summary>Collects reports as they are made (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class Recorder<T> : IProgress<T>
{
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items
    {
        get { lock (_items) return [.. _items]; }
    }

    public void Report(T value)
    {
        lock (_items) _items.Add(value);
    }
}
