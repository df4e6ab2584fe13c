using DocStrange.Document.Fields;
using DocStrange.Extraction.Fields;

namespace DocStrange.Extraction.Tests.Fields;

public sealed class FieldExtractorTests
{
    private static ExtractedFields Extract(FieldDocuments document, params string[] fields) =>
        FieldExtractor.Extract(document.Build(), FieldListParser.Parse(fields));

    private static FieldFinding Finding(ExtractedFields result, string path) => result.Findings.Single(f => f.Path == path);

    [Fact]
    public void A_label_and_its_value_on_one_line_are_read_with_their_provenance()
    {
        var result = Extract(new FieldDocuments().Line("ACME Ltd").Line("Invoice No.: INV-2024-0042"), "invoice_number");
        Assert.Equal("INV-2024-0042", (string?)result.Data["invoice_number"]);
        var finding = Finding(result, "invoice_number");
        Assert.Equal(FieldSource.KeyValue, finding.Source);
        Assert.Equal(1, finding.Page);
        Assert.Equal("Invoice No.: INV-2024-0042", finding.Text);
        Assert.Equal("Invoice No.", finding.Label);
        Assert.NotNull(finding.Box);
        Assert.True(finding.Confidence > 0.9);
    }

    [Fact]
    public void Several_pairs_on_one_line_end_at_the_next_label()
    {
        var result = Extract(new FieldDocuments().Line("Email: billing@acme.example Phone: +44 113 496 0000 Ref: A1"), "email", "phone");
        Assert.Equal("billing@acme.example", (string?)result.Data["email"]);
        Assert.Equal("+441134960000", (string?)result.Data["phone"]);
    }

    [Fact]
    public void A_value_under_its_label_is_read()
    {
        var result = Extract(new FieldDocuments().Line("Order number").Line("PO-7781"), "order_number");
        Assert.Equal("PO-7781", (string?)result.Data["order_number"]);
        Assert.Equal("PO-7781", Finding(result, "order_number").Text);
    }

    [Fact]
    public void A_value_right_of_its_label_in_a_two_column_table_is_read()
    {
        var result = Extract(new FieldDocuments().Table(["Customer ID", "C-991"], ["Due date", "13/04/2024"]), "customer_id", "due_date");
        Assert.Equal("C-991", (string?)result.Data["customer_id"]);
        Assert.Equal("2024-04-13", (string?)result.Data["due_date"]);
        Assert.Equal(FieldSource.Table, Finding(result, "due_date").Source);
    }

    [Fact]
    public void Synonyms_name_the_same_field()
    {
        var result = Extract(new FieldDocuments().Line("Balance due: $1,397.55").Line("Issued on 14 March 2024").Line("PO # 4471"),
            "total_amount", "date", "po_number");
        Assert.Equal(1397.55m, (decimal?)result.Data["total_amount"]);
        Assert.Equal("USD", Finding(result, "total_amount").Currency);
        Assert.Equal("2024-03-14", (string?)result.Data["date"]);
        Assert.Equal("4471", (string?)result.Data["po_number"]);
    }

    [Fact]
    public void A_misspelt_label_is_matched_near_enough()
    {
        var result = Extract(new FieldDocuments().Line("Invoce Number: 7781"), "invoice_number");
        Assert.Equal("7781", (string?)result.Data["invoice_number"]);
        Assert.True(Finding(result, "invoice_number").Confidence < 0.95);
    }

    [Fact]
    public void A_longer_label_takes_its_value_from_a_shorter_one()
    {
        var result = Extract(new FieldDocuments().Line("Due Date: 2024-04-13").Line("Invoice Date: 2024-03-14"), "date", "due_date");
        Assert.Equal("2024-03-14", (string?)result.Data["date"]);
        Assert.Equal("2024-04-13", (string?)result.Data["due_date"]);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_not_taken()
    {
        var result = Extract(new FieldDocuments().Line("Total: see attached").Line("Total due: 12.50"), "total:number");
        Assert.Equal(12.50m, (decimal?)result.Data["total"]);
    }

    [Fact]
    public void A_field_not_found_is_null_with_a_reason()
    {
        var result = Extract(new FieldDocuments().Line("Nothing to see here"), "iban");
        Assert.True(result.Data.ContainsKey("iban"));
        Assert.Null(result.Data["iban"]);
        var finding = Finding(result, "iban");
        Assert.Null(finding.Source);
        Assert.Contains("iban", finding.Reason);
    }

    [Fact]
    public void An_email_without_a_label_is_found_by_its_pattern_with_a_low_confidence()
    {
        var result = Extract(new FieldDocuments().Line("Questions? write to help@acme.example"), "email");
        Assert.Equal("help@acme.example", (string?)result.Data["email"]);
        Assert.Equal(FieldSource.Pattern, Finding(result, "email").Source);
        Assert.True(Finding(result, "email").Confidence <= 0.5);
    }

    [Fact]
    public void Line_items_come_from_the_table_whose_headers_match_and_totals_rows_are_left_out()
    {
        var items = new FieldSpec("line_items", FieldType.Array)
        {
            Properties = [new("description", FieldType.String), new("quantity", FieldType.Number), new("unit_price", FieldType.Currency), new("amount", FieldType.Currency)],
        };
        var document = new FieldDocuments()
            .Table(["Name", "Value"], ["Customer", "Bob"])
            .Table(["Item", "Qty", "Rate", "Line total"], ["Widget A", "2", "$10.00", "$20.00"], ["Gadget B", "1", "$1,250.50", "$1,250.50"],
                ["Subtotal", "", "", "$1,270.50"], ["VAT 10%", "", "", "$127.05"], ["Total", "", "", "$1,397.55"]);
        var result = FieldExtractor.Extract(document.Build(), new FieldRequest([items]));
        var rows = result.Data["line_items"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Gadget B", (string?)rows[1]!["description"]);
        Assert.Equal(1m, (decimal?)rows[1]!["quantity"]);
        Assert.Equal(1250.50m, (decimal?)rows[1]!["unit_price"]);
        Assert.Equal(20.00m, (decimal?)rows[0]!["amount"]);
        Assert.Equal(FieldSource.Table, Finding(result, "line_items[1].amount").Source);
    }

    [Fact]
    public void The_members_of_an_object_prefer_labels_that_name_their_object()
    {
        var vendor = new FieldSpec("vendor", FieldType.Object) { Properties = [new("name", FieldType.String)] };
        var document = new FieldDocuments().Line("Name: Alice Customer").Line("Vendor name: Acme Ltd");
        var result = FieldExtractor.Extract(document.Build(), new FieldRequest([vendor]));
        Assert.Equal("Acme Ltd", (string?)result.Data["vendor"]!["name"]);
    }
}
