using DocStrange.Extraction.Formats.Excel;

namespace DocStrange.Extraction.Tests;

public class ExcelNumberFormatTests
{
    [Theory]
    [InlineData(42.0, null, "42")]
    [InlineData(0.30000000000000004, "General", "0.3")]
    [InlineData(1234.5678, "0.00", "1234.57")]
    [InlineData(1234567.891, "#,##0", "1,234,568")]
    [InlineData(-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)")]
    [InlineData(0.0, "0.00;-0.00;\"zero\"", "zero")]
    [InlineData(0.256, "0.0%", "25.6%")]
    [InlineData(12345.678, "0.00E+00", "1.23E+04")]
    [InlineData(1500000.0, "#,##0.0,,\"M\"", "1.5M")]
    [InlineData(1234.5, "[$€-407]#,##0.00", "€1,234.50")]
    [InlineData(-20.0, "[$€-407]#,##0.00;[Red]-[$€-407]#,##0.00", "-€20.00")]
    [InlineData(5.0, "\"Qty: \"0", "Qty: 5")]
    [InlineData(0.75, "# ?/?", "3/4")]
    [InlineData(2.5, "# ?/?", "2 1/2")]
    [InlineData(0.3333, "?/8", "3/8")]
    [InlineData(7.0, "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", "7")]
    public void Numbers_show_as_their_format_says(double value, string? format, string expected) =>
        Assert.Equal(expected, ExcelNumberFormat.Format(value, format, date1904: false));

    [Theory]
    [InlineData(45306.0, "m/d/yyyy", "1/15/2024")]
    [InlineData(45306.0, "yyyy-mm-dd", "2024-01-15")]
    [InlineData(45306.0, "d-mmm-yy", "15-Jan-24")]
    [InlineData(45306.0, "dddd, mmmm d, yyyy", "Monday, January 15, 2024")]
    [InlineData(45306.75, "h:mm AM/PM", "6:00 PM")]
    [InlineData(45306.5104166667, "hh:mm:ss", "12:15:00")]
    [InlineData(1.5, "[h]:mm", "36:00")]
    [InlineData(59.0, "yyyy-mm-dd", "1900-02-28")]
    [InlineData(61.0, "yyyy-mm-dd", "1900-03-01")]
    [InlineData(45306.0, "mmm yyyy", "Jan 2024")]
    public void Dates_and_times_show_as_their_format_says(double serial, string format, string expected) =>
        Assert.Equal(expected, ExcelNumberFormat.Format(serial, format, date1904: false));

    [Fact]
    public void The_1904_system_counts_from_1904() =>
        Assert.Equal("2024-01-15", ExcelNumberFormat.Format(43844, "yyyy-mm-dd", date1904: true));

    [Theory]
    [InlineData("m/d/yyyy", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("0.00", false)]
    [InlineData("\"day\" 0", false)]
    [InlineData("[Red]0.00", false)]
    public void Date_formats_are_told_apart(string format, bool isDate) => Assert.Equal(isDate, ExcelNumberFormat.IsDate(format));
}
