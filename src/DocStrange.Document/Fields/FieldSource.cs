namespace DocStrange.Document.Fields;

/// <summary>Where a field's value was read: after its label, from a table, from its pattern alone, or given by the LLM engine.</summary>
public enum FieldSource
{
    KeyValue,
    Table,
    Pattern,
    Llm,
}
