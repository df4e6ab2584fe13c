namespace DocStrange.Extraction.Formats.Csv;

/// <summary>
/// Guesses the delimiter from a sample of the file: of comma, semicolon, tab and pipe, the one whose
/// records most consistently have the same number (more than one) of fields; quotes are honoured,
/// so a comma inside a quoted field does not count. Comma when nothing splits the lines.
/// </summary>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];
    private const int SampleRecords = 50;

    public static char Detect(string sample, bool sampleIsWholeFile)
    {
        var best = ',';
        var bestScore = 0.0;
        foreach (var candidate in Candidates)
        {
            var counts = new List<int>();
            var parser = new CsvParser(new StringReader(sample), candidate);
            while (counts.Count < SampleRecords + 1 && parser.ReadRecord() is { } record)
            {
                if (record is not [""]) counts.Add(record.Count);
            }
            // The sample may end mid-record; that record says nothing.
            if (!sampleIsWholeFile && counts.Count > 1) counts.RemoveAt(counts.Count - 1);
            var score = Score(counts);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    // The share of records with the most common field count, weighted a little by that count, and
    // zero when the most common count is one (the candidate splits nothing).
    private static double Score(List<int> counts)
    {
        if (counts.Count == 0) return 0;
        var mode = counts.GroupBy(c => c).MaxBy(g => (g.Count(), g.Key))!;
        if (mode.Key <= 1) return 0;
        var consistency = (double)mode.Count() / counts.Count;
        return consistency + Math.Min(mode.Key, 50) / 1000.0;
    }
}
