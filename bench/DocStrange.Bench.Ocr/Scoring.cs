using System.Diagnostics;
using System.Text.Json;

namespace DocStrange.Bench.Ocr;

/// <summary>Scores an output folder with the corpus's <c>score.py</c>, so speed is never bought with accuracy unseen.</summary>
internal static class Scoring
{
    /// <summary>Mean <c>sim</c> per document type and per document, or null when python3 or the scorer is missing.</summary>
    public static async Task<(Dictionary<string, double> ByType, Dictionary<string, double> ByFile)?> ScoreAsync(string corpus, string output)
    {
        var script = Path.Combine(corpus, "score.py");
        if (!File.Exists(script)) return null;
        var json = Path.Combine(Path.GetTempPath(), $"ocr-bench-score-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { script, output, "--type", "image,pdf-scan", "--json", json, "--quiet" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start);
            if (process is null) return null;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !File.Exists(json)) return null;
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var rows = doc.RootElement.EnumerateArray()
                .Select(r => (File: r.GetProperty("file").GetString()!, Type: r.GetProperty("type").GetString()!, Sim: r.GetProperty("sim").GetDouble()))
                .ToList();
            return (rows.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Average(r => r.Sim)), rows.ToDictionary(r => r.File, r => r.Sim));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(json);
        }
    }
}
