namespace DocStrange.Worker.Sandbox;

/// <summary>
/// How to start the child that converts one job: a program and the arguments before
/// <c>sandbox-convert REQUEST</c>. The docstrange executable registers its own
/// (<see cref="OfThisProcess"/>); <see cref="SandboxOptions.Command"/> names another.
/// </summary>
public sealed record SandboxCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The hidden subcommand of docstrange that runs one conversion as a child.</summary>
    public const string Subcommand = "sandbox-convert";

    /// <summary>Environment variables the child gets besides this process's own (the settings its readers read there, such as PaddleOCR's execution provider).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>This process's own program: its executable, or <c>dotnet</c> and its entry assembly when started as <c>dotnet docstrange.dll</c>.</summary>
    public static SandboxCommand? OfThisProcess()
    {
        var path = System.Environment.ProcessPath;
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(path)) return null;
        return IsDotnetHost(path)
            ? string.IsNullOrEmpty(entry) ? null : new SandboxCommand(path, [entry, Subcommand])
            : new SandboxCommand(path, [Subcommand]);
    }

    /// <summary>The command a setting names: a <c>.dll</c> through the <c>dotnet</c> host running this process (or on the PATH), anything else as it is.</summary>
    public static SandboxCommand FromSetting(string command)
    {
        if (!command.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return new SandboxCommand(command, [Subcommand]);
        var host = System.Environment.ProcessPath is { } path && IsDotnetHost(path) ? path : "dotnet";
        return new SandboxCommand(host, [Path.GetFullPath(command), Subcommand]);
    }

    private static bool IsDotnetHost(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
