using System.Globalization;

namespace DocStrange.Extraction.Tests.Fields.Evaluation;

/// <summary>Counts of right, wrong and missed values, and the precision, recall and F1 they make.</summary>
internal sealed class Tally
{
    public int Right { get; private set; }

    public int Wrong { get; private set; }

    public int Missed { get; private set; }

    /// <summary>Adds one comparison: a value given and right, given and wrong (a false positive, and a miss when one was expected), or not given.</summary>
    public void Add(bool expected, bool given, bool equal)
    {
        if (given && expected && equal) Right++;
        else
        {
            if (given) Wrong++;
            if (expected) Missed++;
        }
    }

    public void Add(Tally other)
    {
        Right += other.Right;
        Wrong += other.Wrong;
        Missed += other.Missed;
    }

    public double Precision => Right + Wrong == 0 ? 1 : (double)Right / (Right + Wrong);

    public double Recall => Right + Missed == 0 ? 1 : (double)Right / (Right + Missed);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}  ({Right} right, {Wrong} wrong, {Missed} missed)");
}
