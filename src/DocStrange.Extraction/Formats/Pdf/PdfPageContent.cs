using DocStrange.Document.Model;
using DocStrange.Extraction.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using Word = UglyToad.PdfPig.Content.Word;

namespace DocStrange.Extraction.Formats.Pdf;

/// <summary>
/// A PDF page's text layer and drawings as <see cref="PageContent"/>: letters (overprints dropped)
/// -> words (<see cref="PdfWords"/>) with their font size and traits, rulings
/// (<see cref="PdfRulings"/>) and picture boxes (<see cref="PdfPictures"/>). A page whose text runs
/// sideways is first turned upright (<see cref="PdfPageOrientation"/>); everything is given in the
/// upright frame with a top-left origin, and the orientation maps boxes back to the displayed page.
/// </summary>
internal static class PdfPageContent
{
    /// <summary>The page's content and the orientation it was read in; <paramref name="letters"/> are all the page's letters, space glyphs included (they mark word breaks).</summary>
    public static (PageContent Content, PdfPageOrientation Orientation) Read(Page page, IReadOnlyList<Letter> letters, int number, IPdfTokenScanner? scanner = null)
    {
        var orientation = PdfPageOrientation.Detect(letters, page.Width, page.Height);
        var upright = orientation.IsUpright ? letters : letters.Select(orientation.Apply).ToList();
        var height = orientation.UprightHeight;
        var traitsOf = PdfFontStyle.ForPage(upright);
        var words = PdfWords.Extract(PdfOverprint.Remove(upright)).Select(w => ToLayout(w, height, traitsOf)).ToList();
        // A form's filled-in values live in its widgets, placed on the displayed page.
        if (orientation.IsUpright && scanner is not null) words.AddRange(PdfFormFieldWords.Read(page, height, scanner));
        var content = new PageContent(number, orientation.UprightWidth, height, words)
        {
            Rulings = PdfRulings.Read(page, orientation),
            Pictures = PdfPictures.Read(page, orientation),
            Drawings = PdfDrawingMarks.Read(page, orientation),
        };
        return (content, orientation);
    }

    private static LayoutWord ToLayout(Word word, double height, Func<Letter, FontTraits> traitsOf)
    {
        var letters = word.Letters;
        var upright = word.TextOrientation == TextOrientation.Horizontal;
        var text = upright && Bidi.HasRightToLeft(word.Text) ? Bidi.Reverse(letters.Select(l => l.Value)) : word.Text;
        // A lone glyph without a Unicode mapping (a control or private-use code) is a symbol font's bullet.
        if (text.Length == 1 && (char.IsControl(text[0]) || char.GetUnicodeCategory(text[0]) == System.Globalization.UnicodeCategory.PrivateUse)) text = "•";
        var size = DominantSize(letters);
        var count = letters.Count;
        int bold = 0, italic = 0, monospace = 0;
        foreach (var letter in letters)
        {
            var t = traitsOf(letter);
            if ((t & FontTraits.Bold) != 0) bold++;
            if ((t & FontTraits.Italic) != 0) italic++;
            if ((t & FontTraits.Monospace) != 0) monospace++;
        }
        var traits = FontTraits.None;
        if (bold >= 0.9 * count) traits |= FontTraits.Bold;
        if (italic >= 0.9 * count) traits |= FontTraits.Italic;
        if (monospace >= 0.9 * count) traits |= FontTraits.Monospace;
        var box = upright ? HorizontalBox(letters, height) : Box(word.BoundingBox, height);
        var baseline = upright && count > 0 ? height - letters[0].StartBaseLine.Y : box.Bottom;
        return new LayoutWord(text, box, baseline, size, traits)
        {
            Rotation = upright ? 0 : RotationOf(letters),
            Sequence = count > 0 ? letters.Min(l => l.TextSequence) + 1 : 0,
        };
    }

    // The size most of the letters are set in, to half a point (the larger one on a tie).
    private static double DominantSize(IReadOnlyList<Letter> letters)
    {
        double best = 0;
        var bestCount = 0;
        for (var i = 0; i < letters.Count; i++)
        {
            var size = Math.Round(letters[i].PointSize * 2) / 2;
            var count = 0;
            for (var j = 0; j < letters.Count; j++) if (Math.Round(letters[j].PointSize * 2) / 2 == size) count++;
            if (count > bestCount || (count == bestCount && size > best)) (best, bestCount) = (size, count);
            if (bestCount * 2 > letters.Count) break;
        }
        return best;
    }

    // The direction of the first letter's baseline, in quarter turns counterclockwise.
    private static int RotationOf(IReadOnlyList<Letter> letters)
    {
        if (letters.Count == 0) return 90;
        var dx = letters[0].EndBaseLine.X - letters[0].StartBaseLine.X;
        var dy = letters[0].EndBaseLine.Y - letters[0].StartBaseLine.Y;
        return Math.Abs(dy) >= Math.Abs(dx) ? (dy >= 0 ? 90 : 270) : (dx >= 0 ? 0 : 180);
    }

    // Glyph boxes can be a whole font's box, far wider than the glyph: the horizontal extent is taken
    // from the letters' advances (start to end of baseline), the vertical one from their glyph boxes.
    private static BoundingBox HorizontalBox(IReadOnlyList<Letter> letters, double height)
    {
        double left = double.MaxValue, right = double.MinValue, top = double.MinValue, bottom = double.MaxValue;
        foreach (var l in letters)
        {
            var start = Math.Min(l.StartBaseLine.X, l.EndBaseLine.X);
            var end = Math.Max(l.StartBaseLine.X, l.EndBaseLine.X);
            if (end - start <= 0) (start, end) = (l.BoundingBox.Left, l.BoundingBox.Right);
            left = Math.Min(left, start);
            right = Math.Max(right, end);
            top = Math.Max(top, l.BoundingBox.Top);
            bottom = Math.Min(bottom, l.BoundingBox.Bottom);
        }
        return new BoundingBox(left, height - top, right, height - bottom);
    }

    // The axis-aligned box of a (possibly rotated) rectangle, top-left origin.
    private static BoundingBox Box(PdfRectangle r, double height)
    {
        PdfPoint[] corners = [r.TopLeft, r.TopRight, r.BottomLeft, r.BottomRight];
        return new BoundingBox(corners.Min(p => p.X), height - corners.Max(p => p.Y), corners.Max(p => p.X), height - corners.Min(p => p.Y));
    }
}
