using System.Globalization;

namespace DocStrange.Cli.Commands;

/// <summary>Times as the command lines print them: UTC to the second, <c>-</c> for none.</summary>
internal static class UtcTimes
{
    public static string Format(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "-";
}
