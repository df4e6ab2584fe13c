using DocStrange.Document.Model;

namespace DocStrange.Document.Export;

/// <summary>
/// Writes a run of list items as nested <c>&lt;ul&gt;</c> / <c>&lt;ol&gt;</c> elements: a deeper item's
/// list goes inside its parent's <c>&lt;li&gt;</c>; nesting follows <see cref="ListTracker"/>.
/// </summary>
internal sealed class HtmlListWriter
{
    private readonly ListTracker tracker = new();
    private readonly Stack<string> tags = new();

    /// <summary>Writes one item, opening and closing lists around it as its level requires.</summary>
    public void WriteItem(Block item, TextWriter writer)
    {
        var step = tracker.Next(item);
        for (var i = 0; i < step.Closed; i++) writer.Write($"</li>\n</{tags.Pop()}>\n");
        if (step.Opened)
        {
            // A nested list starts inside the parent item, after its text.
            if (step.Closed == 0 && tags.Count > 0) writer.Write('\n');
            var tag = item.Ordered ? "ol" : "ul";
            tags.Push(tag);
            writer.Write(item.Ordered && step.Number != 1 ? $"<ol start=\"{step.Number}\">\n" : $"<{tag}>\n");
        }
        else
        {
            writer.Write("</li>\n");
        }
        writer.Write($"<li{HtmlText.PageAttribute(item)}>{HtmlInline.Write(item)}");
    }

    /// <summary>Closes every open item and list; the next item starts a new list.</summary>
    public void Close(TextWriter writer)
    {
        while (tags.Count > 0) writer.Write($"</li>\n</{tags.Pop()}>\n");
        tracker.Reset();
    }
}
