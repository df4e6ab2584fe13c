using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DocStrange.SystemTests;

/// <summary>
/// A PostgreSQL server or an S3 server (s3rver) of a test's own, which the test may stop and start
/// again without disturbing the shared servers other tests use. PostgreSQL runs as the postgres user
/// from Debian's binaries; s3rver is the copy script/test installed.
/// </summary>
internal sealed class DedicatedServer : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("docstrange-dedicated-").FullName;
    private readonly Func<DedicatedServer, Process?> _start;
    private readonly Action<DedicatedServer> _stop;
    private Process? _process;

    private DedicatedServer(Func<DedicatedServer, Process?> start, Action<DedicatedServer> stop)
    {
        _start = start;
        _stop = stop;
        Port = FreePort();
    }

    public int Port { get; }

    public string Folder => _dir;

    /// <summary>A fresh PostgreSQL cluster with a <c>docstrange</c> database, running.</summary>
    public static DedicatedServer Postgres()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Order().Last();
        var server = new DedicatedServer(
            s => { Run("runuser", "-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", s.Data, "-l", Path.Combine(s.Data, "log"), "-w",
                       "-o", $"-p {s.Port} -k {s.Data} -c listen_addresses=127.0.0.1 -c fsync=off", "start"); return null; },
            s => Run("runuser", "-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", s.Data, "-m", "fast", "-w", "stop"));
        Run("chmod", "755", server._dir);
        Run("install", "-d", "-o", "postgres", "-g", "postgres", server.Data);
        Run("runuser", "-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", server.Data, "-U", "postgres", "-A", "trust", "--no-sync");
        server.Start();
        Run("runuser", "-u", "postgres", "--", Path.Combine(bin, "psql"), "-h", "127.0.0.1", "-p", server.Port.ToString(), "-U", "postgres", "-qc", "CREATE DATABASE docstrange");
        return server;
    }

    /// <summary>An s3rver with a <c>docstrange</c> bucket, running.</summary>
    public static DedicatedServer S3()
    {
        var s3rver = FindS3rver();
        var server = new DedicatedServer(
            s => Process.Start(new ProcessStartInfo(s3rver, ["-a", "127.0.0.1", "-p", s.Port.ToString(), "-d", s.Data, "--configure-bucket", "docstrange", "--silent"])
                { RedirectStandardOutput = true, RedirectStandardError = true }),
            s => { s._process?.Kill(entireProcessTree: true); s._process?.WaitForExit(10_000); });
        Directory.CreateDirectory(server.Data);
        server.Start();
        return server;
    }

    private string Data => Path.Combine(_dir, "data");

    public void Start()
    {
        _process = _start(this);
        WaitListening();
    }

    public void Stop() => _stop(this);

    private void WaitListening()
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"The dedicated server did not listen on {Port}.");
    }

    private static string FindS3rver()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".artifacts", "tools", "s3rver", "node_modules", ".bin", "s3rver");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("s3rver is not installed: run the system tests through script/test.");
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }
        Directory.Delete(_dir, recursive: true);
    }
}
