namespace DocStrange.Document.Fields;

/// <summary>What a requested field holds, and so how its value is read from the text.</summary>
public enum FieldType
{
    String,
    Number,
    Integer,
    Date,
    DateTime,
    Currency,
    Boolean,
    Email,
    Phone,
    Object,
    Array,
}
