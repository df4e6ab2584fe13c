namespace DocStrange.Bench.Ocr;

/// <summary>The benchmark's command line.</summary>
internal sealed record OcrBenchOptions
{
    /// <summary>The corpus folder holding <c>docs/</c> and <c>score.py</c>.</summary>
    public string Corpus { get; init; } = "../shared/corpus";

    /// <summary>The built CLI.</summary>
    public string DocStrangeDll { get; init; } = "src/DocStrange.Cli/bin/Release/net10.0/docstrange.dll";

    /// <summary>Measured rounds; each runs every contender once, in an order that rotates.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Also run the pipeline with OMP_THREAD_LIMIT=1, alone and two pages at a time.</summary>
    public bool TunedPipelines { get; init; } = true;

    /// <summary>Keep the outputs (printed at the end).</summary>
    public bool Keep { get; init; }

    /// <summary>Append the result as one JSON line to this file.</summary>
    public string? Json { get; init; }

    /// <summary>The scanned PDFs and images of the corpus this benchmark runs.</summary>
    public static readonly string[] Documents =
    [
        "ocr_test.pdf", "sample_with_rotation_mismatch.pdf", "multi_page_scan.pdf", "2305.03393v1-pg9_scan.pdf",
        "phototest.png", "ocr_test.png", "amt_handbook_sample_scan.jpg",
    ];

    public static OcrBenchOptions Parse(string[] args)
    {
        var options = new OcrBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--corpus" => options with { Corpus = Next() },
                "--docstrange-dll" => options with { DocStrangeDll = Next() },
                "--rounds" => options with { Rounds = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) },
                "--baseline-only" => options with { TunedPipelines = false },
                "--keep" => options with { Keep = true },
                "--json" => options with { Json = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (options.Rounds < 1) throw new ArgumentException("--rounds must be at least 1");
        return options;
    }
}
