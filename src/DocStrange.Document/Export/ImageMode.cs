namespace DocStrange.Document.Export;

/// <summary>How pictures are written (<c>images</c>).</summary>
public enum ImageMode
{
    /// <summary>Left out.</summary>
    None,

    /// <summary>A placeholder where the picture was (<c>&lt;!-- image --&gt;</c> in Markdown); no pixels are read.</summary>
    Placeholder,

    /// <summary>The pixels inline, as base64 data URIs.</summary>
    Embedded,

    /// <summary>The pixels as files <c>images/&lt;page&gt;-&lt;n&gt;.&lt;ext&gt;</c> next to the output, which links to them.</summary>
    Files,
}
