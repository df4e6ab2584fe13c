using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DocStrange.Bench.Submit;

/// <summary>
/// The document every submission uploads. When <see cref="Varies"/>, each body carries this run's
/// random tag and a serial number in its last line, so every submission is a new document, in this run
/// and against a service that kept earlier runs' jobs: the same bytes again would measure the service's
/// result cache instead of its submit path.
/// </summary>
internal sealed record UploadFile(string FileName, string ContentType, byte[] Bytes, bool Varies = false)
{
    private static readonly string RunTag = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private const int SerialBytes = 21;
    private static long _serial;

    /// <summary>A fresh multipart body with the document as the <c>file</c> part.</summary>
    public MultipartFormDataContent NewContent()
    {
        var bytes = Bytes;
        if (Varies && bytes.Length > SerialBytes)
        {
            bytes = (byte[])Bytes.Clone();
            var serial = System.Text.Encoding.ASCII.GetBytes(RunTag + "-" + Interlocked.Increment(ref _serial).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + ".\n");
            serial.CopyTo(bytes, bytes.Length - SerialBytes);
        }
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        return new MultipartFormDataContent { { part, "file", FileName } };
    }
}

/// <summary>One service under test: its client, and what each of its submissions took.</summary>
/// <param name="name">The name in the report.</param>
/// <param name="baseUri">The service.</param>
/// <param name="connections">At most this many connections at once (the number of clients); unlimited when null.</param>
internal sealed class SubmitTarget(string name, Uri baseUri, int? connections = null) : IDisposable
{
    // Concurrent submissions record into the same lists.
    private readonly Lock _gate = new();

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        MaxConnectionsPerServer = connections ?? int.MaxValue,
    })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public string Name { get; } = name;

    public Uri BaseUri { get; } = baseUri;

    /// <summary>Milliseconds of each warm-up submission, in order (not in the percentiles).</summary>
    public List<double> Warmups { get; } = [];

    /// <summary>Milliseconds of each measured submission that succeeded, in order.</summary>
    public List<double> Samples { get; } = [];

    private Uri? _lastWarmupJob;

    /// <summary>
    /// Waits until the job of the last warm-up submission has finished (long-polling its status), so
    /// that measured submissions do not share the machine with the warm-up's conversions. Jobs of one
    /// priority are worked off in order, so by then the warm-up's queue is (nearly) empty. A target
    /// whose answers name no job (the floor) has nothing to wait for.
    /// </summary>
    public async Task SettleAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _lastWarmupJob) is not { } job) return;
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            using var response = await _client.GetAsync(new Uri(job.OriginalString + "?wait=10", UriKind.RelativeOrAbsolute), cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{Name}: GET {job} answered {(int)response.StatusCode} while settling.");
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (json.RootElement.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") return;
        }
        throw new TimeoutException($"{Name}: the last warm-up job {job} did not finish within {limit.TotalMinutes:0} minutes.");
    }

    /// <summary>Why each failed submission (warm-up or measured) failed.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>
    /// Submits the document once: a fresh multipart body, a stopwatch around the whole exchange (request
    /// sent, response read to its end); the answer must be 202 with a <c>job_id</c> and a <c>Location</c>.
    /// With <paramref name="scheduled"/> (a <see cref="Stopwatch"/> timestamp) the clock starts there
    /// instead: the time the submission waited for a free connection is part of its latency.
    /// </summary>
    public async Task SubmitAsync(UploadFile file, bool warmup, CancellationToken cancellationToken, long? scheduled = null)
    {
        using var content = file.NewContent();
        var started = scheduled ?? Stopwatch.GetTimestamp();
        string? failure;
        double ms;
        try
        {
            using var response = await _client.PostAsync("api/v1/documents", content, cancellationToken);
            ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            failure = Check(response, body);
            if (failure is null && warmup && response.Headers.Location is { } location) Volatile.Write(ref _lastWarmupJob, location);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            failure = $"{ex.GetType().Name}: {ex.Message}";
        }

        if (failure is not null)
        {
            lock (_gate) Failures.Add(failure);
            return;
        }
        lock (_gate) (warmup ? Warmups : Samples).Add(ms);
    }

    private static string? Check(HttpResponseMessage response, byte[] body)
    {
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return $"HTTP {(int)response.StatusCode}{ErrorCode(body)}";
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("job_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 })
            {
                return "202 without a job_id";
            }
        }
        catch (JsonException)
        {
            return "202 with a body that is not JSON";
        }
        return response.Headers.Location is null ? "202 without a Location header" : null;
    }

    private static string ErrorCode(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) ? $" {code.GetString()}" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    public void Dispose() => _client.Dispose();
}
