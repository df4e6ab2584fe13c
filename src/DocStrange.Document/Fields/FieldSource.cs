namespace DocStrange.Document.Fields;

/// <summary>Where a field's value was read: after its label, from a table, or from its pattern alone.</summary>
public enum FieldSource
{
    KeyValue,
    Table,
    Pattern,
}
