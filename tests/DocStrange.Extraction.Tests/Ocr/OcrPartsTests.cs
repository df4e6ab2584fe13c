using DocStrange.Document.Files;
using DocStrange.Document.Model;
using DocStrange.Extraction.Formats.Image;
using DocStrange.Extraction.Ocr;
using DocStrange.Extraction.Ocr.Errors;

namespace DocStrange.Extraction.Tests.Ocr;

public class OcrPartsTests
{
    // An EXIF block (big-endian TIFF) whose first directory holds only the orientation tag.
    private static byte[] Exif(ushort orientation) =>
    [
        .. "Exif\0\0"u8, .. "MM\0*"u8, 0, 0, 0, 8, 0, 1,
        0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0,
        0, 0, 0, 0,
    ];

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(3)]
    public void The_exif_orientation_is_found_in_a_jpeg_app1_segment(ushort orientation)
    {
        var exif = Exif(orientation);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xE1, (byte)((exif.Length + 2) >> 8), (byte)(exif.Length + 2), .. exif, 0xFF, 0xDA, 0, 2];
        Assert.Equal(orientation, ExifOrientation.Read(jpeg, FileKind.Jpeg));
    }

    [Fact]
    public void The_exif_orientation_is_found_in_a_png_exif_chunk_and_a_webp_exif_chunk()
    {
        var tiff = Exif(8)[6..];
        byte[] png = [.. new byte[8], 0, 0, 0, (byte)tiff.Length, .. "eXIf"u8, .. tiff, 0, 0, 0, 0];
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "EXIF"u8, (byte)tiff.Length, 0, 0, 0, .. tiff];
        Assert.Equal(8, ExifOrientation.Read(png, FileKind.Png));
        Assert.Equal(8, ExifOrientation.Read(webp, FileKind.Webp));
    }

    [Fact]
    public void An_image_without_exif_or_with_a_broken_one_is_as_stored()
    {
        Assert.Equal(1, ExifOrientation.Read([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 1, 2], FileKind.Jpeg));
        Assert.Equal(1, ExifOrientation.Read(TestData.Bytes("image/phototest.png"), FileKind.Png));
    }

    [Fact]
    public void Tiff_pages_are_counted_along_the_directory_chain_and_a_loop_ends_it()
    {
        Assert.Equal(2, TiffPages.Count(TestData.Bytes("image/two_pages.tif")));
        Assert.Equal(2, TiffPages.Count(TestImages.TiffWithBrokenSecondPage()));
        var looped = TestImages.TiffWithBrokenSecondPage();
        // Point the second directory's "next" back at the first.
        var second = BitConverter.ToInt32(looped, 8 + 2 + 9 * 12);
        BitConverter.GetBytes(8).CopyTo(looped, second + 2 + 9 * 12);
        Assert.Equal(2, TiffPages.Count(looped));
    }

    [Theory]
    [InlineData(1, 10, 290, 30, 300)]
    [InlineData(2, 390, 270, 400, 290)]
    [InlineData(3, 370, 0, 390, 10)]
    public void A_box_found_on_a_turned_image_goes_back_to_the_image_as_given(int turns, double left, double top, double right, double bottom)
    {
        // A 10 × 20 box at (0, 10) on the image turned clockwise by quarter turns; the unturned image is 400 × 300.
        var back = QuarterTurns.Undo(new BoundingBox(0, 10, 10, 30), turns, 400, 300);
        Assert.Equal(new BoundingBox(left, top, right, bottom), back);
    }

    [Theory]
    [InlineData("« IBM MT/ST: introduced in 1964", "• IBM MT/ST: introduced in 1964")]
    [InlineData("© WordStar (1978)", "• WordStar (1978)")]
    [InlineData("« Bonjour », dit-il", "« Bonjour », dit-il")]
    [InlineData("° Second item", "• Second item")]
    [InlineData("= 7 J", "= 7 J")]
    [InlineData("* Google Docs", "• Google Docs")]
    public void A_misread_bullet_before_a_line_becomes_a_bullet_again(string line, string expected)
    {
        // The sign a bullet's size (3 × 3 on 10 px type), the words after it as wide as their letters.
        var words = line.Split(' ').Select((w, i) => new OcrWord(w, i == 0 ? new BoundingBox(0, 4, 3, 7) : new BoundingBox(i * 30, 0, i * 30 + 25, 10), i == 0 ? 0.3 : 0.9)).ToList();
        Assert.Equal(expected, OcrBullets.Repair(new OcrLine(words, new BoundingBox(0, 0, 100, 10), 1, 1, 10)).Text);
    }

    [Fact]
    public void A_sign_too_large_for_a_bullet_or_one_read_with_confidence_stays_what_it_is()
    {
        OcrLine Line(string sign, BoundingBox box, double confidence) =>
            new([new OcrWord(sign, box, confidence), new OcrWord("Total", new BoundingBox(20, 0, 45, 10), 0.9)], new BoundingBox(0, 0, 45, 10), 1, 1, 10);
        Assert.Equal("© Total", OcrBullets.Repair(Line("©", new BoundingBox(0, 0, 9, 10), 0.3)).Text);
        Assert.Equal("+ Total", OcrBullets.Repair(Line("+", new BoundingBox(0, 4, 3, 7), 0.9)).Text);
    }

    [Fact]
    public void An_unsure_sign_between_words_stays_so_the_line_keeps_no_gap_but_one_standing_apart_is_a_speck()
    {
        OcrWord Word(string text, double left, double confidence = 0.9) => new(text, new BoundingBox(left, 0, left + 5 * text.Length, 10), confidence);
        var line = new OcrLine([Word("up", 0), Word("to", 13), Word("%", 26, 0.16), Word("inch", 34), Word("~", 80, 0.2), Word("wide", 130)],
            new BoundingBox(0, 0, 150, 10), 1, 1, 10);
        Assert.Equal("up to % inch wide", Assert.Single(OcrNoise.Clean([line])).Text);
    }

    [Fact]
    public void Languages_are_joined_for_tesseract_and_unknown_ones_refused()
    {
        Assert.Equal("eng+deu", OcrLanguageNames.Resolve(["eng", " deu", "eng"], ["deu", "eng"]));
        Assert.Equal("eng", OcrLanguageNames.Resolve([], ["eng"]));
        Assert.Throws<OcrEngineException>(() => OcrLanguageNames.Resolve(["../../etc/passwd"], ["eng"]));
        Assert.Throws<OcrEngineException>(() => OcrLanguageNames.Resolve(["fra"], ["eng"]));
    }
}
