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

    /// <summary>
    /// Free space the data folder should keep, in bytes (default 1 GiB); below it <c>/health</c> says
    /// <c>degraded</c> before uploads and results start failing for want of room. 0 turns the check off.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MinFreeBytes { get; set; } = 1L << 30;

    /// <summary>How long a health probe's integrity check of the database file stands before the file is checked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IntegrityCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "docstrange.db");

    /// <summary>The folder of stored files.</summary>
    public string BlobDirectory => Path.Combine(DataDirectory, "files");

    private static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "docstrange");
}
