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

    [Fact]
    public void Bare_labels_pair_in_order_with_the_texts_beside_them()
    {
        // A borderless grid of labels and values the layout read as one text, its long values standing apart to the right.
        var document = new FieldDocuments().Beside("Invoice ID INV-7 Pay by Customer Bob Chen", 50, "29 August 2025");
        var result = Extract(document, "invoice_number", "due_date", "customer");
        Assert.Equal("INV-7", (string?)result.Data["invoice_number"]);
        Assert.Equal("2025-08-29", (string?)result.Data["due_date"]);
        Assert.Equal("Bob Chen", (string?)result.Data["customer"]);
    }

    [Fact]
    public void Several_bare_labels_take_their_values_in_turn_from_the_one_text_beside_them()
    {
        var document = new FieldDocuments().Beside("Inv. No. Invoice Date Due by Billed To", 50, "INV-2023-8387 14-Jun-2024 28-Jun-2024 Hugo Lefèvre");
        var result = Extract(document, "invoice_number", "date", "due_date", "customer_name");
        Assert.Equal("INV-2023-8387", (string?)result.Data["invoice_number"]);
        Assert.Equal("2024-06-14", (string?)result.Data["date"]);
        Assert.Equal("2024-06-28", (string?)result.Data["due_date"]);
        Assert.Equal("Hugo Lefèvre", (string?)result.Data["customer_name"]);
    }

    [Fact]
    public void A_label_followed_by_text_not_of_its_type_takes_the_text_beside()
    {
        var document = new FieldDocuments().Beside("Invoice No. INV-9 Pay by Carla Gómez", 50, "25-Mar-2024");
        Assert.Equal("2024-03-25", (string?)Extract(document, "due_date").Data["due_date"]);
    }

    [Fact]
    public void The_documents_title_is_no_label()
    {
        var result = Extract(new FieldDocuments().Line("PURCHASE ORDER", role: Document.Model.BlockRole.Title).Line("Globex GmbH"), "po_number");
        Assert.Null(result.Data["po_number"]);
    }

    [Fact]
    public void Initials_with_dots_are_one_word()
    {
        Assert.Equal("PO-19093", (string?)Extract(new FieldDocuments().Line("P.O. No.: PO-19093"), "po_number").Data["po_number"]);
    }

    [Fact]
    public void The_last_word_of_a_value_before_an_unknown_label_stays_in_the_value()
    {
        Assert.Equal("Bob Chen", (string?)Extract(new FieldDocuments().Line("Name: Bob Chen Ref: 7"), "full_name").Data["full_name"]);
    }

    [Fact]
    public void An_identifier_prefers_a_value_with_a_digit()
    {
        var result = Extract(new FieldDocuments().Line("Receipt No").Line("Globex GmbH").Line("Receipt No").Line("4471"), "receipt_number");
        Assert.Equal("4471", (string?)result.Data["receipt_number"]);
    }

    [Fact]
    public void A_spanned_label_cell_takes_the_next_filled_cell_of_its_row()
    {
        var cells = new List<Document.Model.TableCell>
        {
            new(0, 0, "Item", IsHeader: true), new(0, 1, "Qty", IsHeader: true), new(0, 2, "Unit", IsHeader: true), new(0, 3, "Note", IsHeader: true), new(0, 4, "Amount", IsHeader: true),
            new(1, 0, "Paper"), new(1, 1, "2"), new(1, 2, "$4.00"), new(1, 3, "-"), new(1, 4, "$8.00"),
            new(2, 0, "Total", ColumnSpan: 4), new(2, 4, "$8.80"),
        };
        Assert.Equal(8.80m, (decimal?)Extract(new FieldDocuments().Table(cells, 3), "total").Data["total"]);
    }
}
