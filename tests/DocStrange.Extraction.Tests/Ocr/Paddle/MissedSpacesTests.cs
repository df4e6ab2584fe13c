using DocStrange.Extraction.Ocr.Paddle;

namespace DocStrange.Extraction.Tests.Ocr.Paddle;

public class MissedSpacesTests
{
    // A 200 × 40 white line with ink columns where the given characters stand (8 pixels a time step).
    private static (TextRecognizer.Reading Reading, GreyImage Image) Line(params (string Text, int Step)[] characters)
    {
        var pixels = Enumerable.Repeat((byte)255, 200 * 40).ToArray();
        foreach (var (_, step) in characters)
        {
            for (var y = 5; y < 35; y++) for (var x = step * 8 + 1; x < step * 8 + 7; x++) pixels[y * 200 + x] = 0;
        }
        var reading = new TextRecognizer.Reading(new TextBox(0, 0, 200, 40, 1),
            [.. characters.Select(c => new CtcGreedyDecoder.Character(c.Text, c.Step, c.Step, 0.9f))], 8);
        return (reading, new GreyImage(200, 40, pixels));
    }

    private static string Text(TextRecognizer.Reading reading, GreyImage image) => string.Concat(MissedSpaces.Restore(reading, image).Select(c => c.Text));

    [Fact]
    public void A_wide_blank_gap_between_latin_letters_is_a_space_and_a_narrow_one_is_not()
    {
        var (reading, image) = Line(("a", 0), ("b", 1), ("c", 2), ("d", 6));

        Assert.Equal("abc d", Text(reading, image));
    }

    [Fact]
    public void Chinese_characters_get_no_spaces_and_found_spaces_stay()
    {
        var (chinese, image) = Line(("文", 0), ("档", 6));
        var (spaced, spacedImage) = Line(("a", 0), (" ", 1), ("b", 2));

        Assert.Equal("文档", Text(chinese, image));
        Assert.Equal("a b", Text(spaced, spacedImage));
    }
}
