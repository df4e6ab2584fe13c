using System.ComponentModel.DataAnnotations;

namespace DocStrange.Storage;

/// <summary>Where the embedded mode keeps its data (configuration section <c>DocStrange:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocStrange:Storage";

    /// <summary>The data folder: the job database and the files (default <c>~/.local/share/docstrange</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "docstrange.db");

    /// <summary>The folder of stored files.</summary>
    public string BlobDirectory => Path.Combine(DataDirectory, "files");

    private static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "docstrange");
}
