using System.Globalization;

namespace DocStrange.Bench.Submit;

/// <summary>The command line of the submit benchmark.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Submit latency: POST /api/v1/documents -> 202 {job_id}, DocStrange side by side with an upload floor.

        usage: DocStrange.Bench.Submit [options]
          --url URL             an already running DocStrange (default: start `docstrange serve` on a free
                                loopback port with a fresh data folder, and stop it at the end)
          --count N             measured submissions per target (default 50)
          --concurrency N       clients submitting at once to a target, in rounds (default 1: one after another)
          --rate R              open loop: each round sends its N submissions at R per second, evenly spaced,
                                whether or not earlier ones were answered, over at most N connections (N
                                clients); latency runs from each submission's scheduled time, so a service
                                that falls behind is charged the wait (default: closed rounds, all N at once)
          --warmup N            rounds per target before measuring (N x concurrency submissions), reported
                                apart (default 1)
          --settle              after the warm-up, wait until DocStrange has finished the warm-up's last job,
                                so the measured rounds do not share the machine with its conversions
          --file PATH           the document to submit (default: a generated ~2 KB .txt document);
                                e.g. path/to/report.pdf
          --size BYTES          the size of the generated .txt document (default 2048)
          --same-document       send the generated document's exact bytes every time, which measures
                                result-cache hits after the first (default: a run tag and serial number in its last
                                line makes each submission a new document); a --file is always sent as is
          --docstrange-dll PATH the built CLI (default: <repo>/src/DocStrange.Cli/bin/Release/net10.0/docstrange.dll)
          --serve-arg ARG       one more argument for `docstrange serve` (repeatable), e.g.
                                --serve-arg --Logging:LogLevel:Default=Warning
          --json PATH           also append the result's JSON line to PATH
          --keep                keep the temporary folder (data, uploads, service logs)
          -h, --help            this text

        The upload floor (`floor` sub-command of this program) is always started here, on its own
        loopback port, in its own process. Exit code: 0 when every submission got 202 with a job_id,
        1 when any failed, 2 on a usage or start-up error.
        """;

    public Uri? Url { get; init; }
    public int Count { get; init; } = 50;
    public int Concurrency { get; init; } = 1;
    public double? Rate { get; init; }
    public int Warmup { get; init; } = 1;
    public string? File { get; init; }
    public int Size { get; init; } = SampleDocument.DefaultBytes;
    public string? DocStrangeDll { get; init; }
    public IReadOnlyList<string> ServeArgs { get; init; } = [];
    public string? JsonPath { get; init; }
    public bool Keep { get; init; }
    public bool SameDocument { get; init; }
    public bool Settle { get; init; }
    public bool Help { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            options = arg switch
            {
                "--url" => options with { Url = ParseUrl(Value()) },
                "--count" => options with { Count = PositiveInt(arg, Value()) },
                "--concurrency" => options with { Concurrency = PositiveInt(arg, Value()) },
                "--rate" => options with { Rate = PositiveDouble(arg, Value()) },
                "--warmup" => options with { Warmup = NonNegativeInt(arg, Value()) },
                "--file" => options with { File = Value() },
                "--size" => options with { Size = PositiveInt(arg, Value()) },
                "--docstrange-dll" => options with { DocStrangeDll = Value() },
                "--serve-arg" => options with { ServeArgs = [.. options.ServeArgs, Value()] },
                "--json" => options with { JsonPath = Value() },
                "--keep" => options with { Keep = true },
                "--same-document" => options with { SameDocument = true },
                "--settle" => options with { Settle = true },
                "-h" or "--help" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown argument '{arg}'."),
            };
        }
        return options;
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--url takes an http(s) URL; '{text}' is not one.");

    private static double PositiveDouble(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name} takes a positive number; '{text}' is not one.");

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a whole number above 0; '{text}' is not one.");

    private static int NonNegativeInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} takes a whole number; '{text}' is not one.");
}
