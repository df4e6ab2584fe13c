namespace DocStrange.Document.Model;

/// <summary>What a block is for a reader of the page. Exporters decide how each role is written.</summary>
public enum BlockRole
{
    Title,
    Heading,
    Paragraph,
    ListItem,
    Table,
    Picture,
    Caption,
    Footnote,
    PageHeader,
    PageFooter,
    Code,
    Formula,
}
