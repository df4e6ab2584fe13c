using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields.Values;

namespace DocStrange.Extraction.Tests.Fields;

public sealed class ValueReaderTests
{
    private static readonly ReadingHints Point = new(DecimalComma: false, DayFirst: true);
    private static readonly ReadingHints Comma = new(DecimalComma: true, DayFirst: true);

    [Theory]
    [InlineData("1,234.56", false, "1234.56")]
    [InlineData("$1,250.50", false, "1250.50")]
    [InlineData("12.5", false, "12.5")]
    [InlineData("1 234 567", false, "1234567")]
    [InlineData("(1,000.00)", false, "-1000.00")]
    [InlineData("-42", false, "-42")]
    [InlineData("CHF 1'299.90", false, "1299.90")]
    [InlineData("Total 15 %", false, "15")]
    [InlineData("1.234,56 €", true, "1234.56")]
    [InlineData("12,50", true, "12.50")]
    [InlineData("1.250", true, "1250")]
    [InlineData("EUR 3.000.000,00", true, "3000000.00")]
    public void Numbers_are_read_in_either_decimal_convention(string text, bool decimalComma, string expected)
    {
        var value = NumberReader.Read(text, decimalComma ? Comma : Point);
        Assert.NotNull(value);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.Value!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("$12.00", "USD")]
    [InlineData("12,00 €", "EUR")]
    [InlineData("GBP 5", "GBP")]
    [InlineData("12.00", null)]
    public void An_amount_keeps_the_currency_its_text_names(string text, string? code)
    {
        Assert.Equal(code, NumberReader.Read(text, Point)!.Currency);
    }

    [Theory]
    [InlineData("2024-03-14", "2024-03-14")]
    [InlineData("14/03/2024", "2024-03-14")]
    [InlineData("14.03.2024", "2024-03-14")]
    [InlineData("14 March 2024", "2024-03-14")]
    [InlineData("March 14, 2024", "2024-03-14")]
    [InlineData("14th Mar 2024", "2024-03-14")]
    [InlineData("14-Mar-24", "2024-03-14")]
    [InlineData("Issued on Mar. 4 2024 by post", "2024-03-04")]
    [InlineData("14 de marzo de 2024", "2024-03-14")]
    [InlineData("3. März 2024", "2024-03-03")]
    public void Dates_in_written_forms_become_iso_8601(string text, string? expected)
    {
        var value = DateReader.Read(text, Point);
        Assert.Equal(expected, value?.Value!.GetValue<string>());
    }

    [Fact]
    public void An_ambiguous_numeric_date_is_read_the_documents_way()
    {
        Assert.Equal("2024-04-03", DateReader.Read("03/04/2024", new ReadingHints(false, DayFirst: true))!.Value!.GetValue<string>());
        Assert.Equal("2024-03-04", DateReader.Read("03/04/2024", new ReadingHints(false, DayFirst: false))!.Value!.GetValue<string>());
        // A day over 12 settles it whatever the hint.
        Assert.Equal("2024-12-25", DateReader.Read("12/25/2024", new ReadingHints(false, DayFirst: true))!.Value!.GetValue<string>());
    }

    [Fact]
    public void The_hints_come_from_the_documents_unambiguous_cases()
    {
        var hints = ReadingHints.From(["Total 1.234,56 EUR", "Datum 12/25/2024", "Steuer 19,00"]);
        Assert.True(hints.DecimalComma);
        Assert.False(hints.DayFirst);
    }

    [Theory]
    [InlineData("Due 03/04/2024, total $12.00", false)]
    [InlineData("Due 03/04/2024, total 12,00 €", true)]
    [InlineData("Due 03/04/2024 or 25/04/2024, total $12.00", true)]
    public void Without_an_unambiguous_date_dollar_amounts_mean_month_first(string text, bool dayFirst)
    {
        Assert.Equal(dayFirst, ReadingHints.From([text]).DayFirst);
    }

    [Theory]
    [InlineData("☑ Member", true)]
    [InlineData("[x] subscribed", true)]
    [InlineData("Yes", true)]
    [InlineData("☐", false)]
    [InlineData("no", false)]
    public void Booleans_come_from_check_marks_and_words(string text, bool expected)
    {
        Assert.Equal(expected, BooleanReader.Read(text)!.Value!.GetValue<bool>());
    }

    [Fact]
    public void Emails_and_phones_are_normalised()
    {
        Assert.Equal("billing@acme.example", ContactReader.ReadEmail("write to Billing@Acme.example today")!.Value!.GetValue<string>());
        Assert.Equal("+441134960000", ContactReader.ReadPhone("Tel +44 (113) 496-0000")!.Value!.GetValue<string>());
        Assert.Null(ContactReader.ReadPhone("Order 12345"));
        Assert.Null(ContactReader.ReadPhone("born 03/04/1995"));
    }

    [Fact]
    public void Text_keeps_the_raw_value_without_its_separators()
    {
        var value = ValueReader.Read(": INV-2024-0042 ;", new FieldSpec("invoice_number", FieldType.String), Point)!;
        Assert.Equal("INV-2024-0042", value.Value!.GetValue<string>());
        Assert.Equal("INV-2024-0042", value.Raw);
    }

    [Fact]
    public void Text_leaves_out_the_rules_a_scan_leaves_after_it()
    {
        Assert.Equal("Bob Chen", ValueReader.Read(" Bob Chen _", new FieldSpec("full_name", FieldType.String), Point)!.Value!.GetValue<string>());
        Assert.Equal("58467989", ValueReader.Read("58467989 —", new FieldSpec("account_number", FieldType.String), Point)!.Value!.GetValue<string>());
    }

    [Fact]
    public void A_choice_field_takes_only_an_allowed_value()
    {
        var spec = new FieldSpec("status", FieldType.String) { Choices = ["Paid", "Unpaid"] };
        Assert.Equal("Paid", ValueReader.Read("status is PAID in full", spec, Point)!.Value!.GetValue<string>());
        Assert.Null(ValueReader.Read("pending", spec, Point));
    }
}
