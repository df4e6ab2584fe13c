using System.Text;
using DocumentFormat.OpenXml;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>
/// Office Math (OMML, ECMA-376 Part 1 §22.1) as LaTeX: fractions, scripts, radicals, delimiters,
/// n-ary operators (sums, integrals), functions, accents, bars, group characters, limits, matrices and
/// equation arrays; math characters become their LaTeX commands (<see cref="MathSymbols"/>). Elements it
/// does not know contribute their text, so nothing typed is lost.
/// </summary>
internal static class OmmlLatex
{
    /// <summary>The LaTeX for an <c>m:oMath</c> or <c>m:oMathPara</c> element.</summary>
    public static string Convert(OpenXmlElement math)
    {
        var sb = new StringBuilder();
        Children(math, sb);
        return Tidy(sb.ToString());
    }

    private static void Children(OpenXmlElement element, StringBuilder sb)
    {
        foreach (var child in element.ChildElements) Node(child, sb);
    }

    private const int MaxDepth = 64;

    [ThreadStatic]
    private static int _depth;

    // Deeper nesting than any real equation is written as its plain text, so a crafted file cannot exhaust the stack.
    private static void Node(OpenXmlElement e, StringBuilder sb)
    {
        if (_depth >= MaxDepth)
        {
            sb.Append(e.InnerText);
            return;
        }
        _depth++;
        try
        {
            Dispatch(e, sb);
        }
        finally
        {
            _depth--;
        }
    }

    private static void Dispatch(OpenXmlElement e, StringBuilder sb)
    {
        switch (e.LocalName)
        {
            case "r":
                Run(e, sb);
                break;
            case "f":
                var bar = Prop(e, "fPr", "type");
                sb.Append(bar == "noBar" ? @"\genfrac{}{}{0pt}{}{" : @"\frac{").Append(Arg(e, "num")).Append("}{").Append(Arg(e, "den")).Append('}');
                break;
            case "sSup":
                sb.Append(Base(e)).Append("^{").Append(Arg(e, "sup")).Append('}');
                break;
            case "sSub":
                sb.Append(Base(e)).Append("_{").Append(Arg(e, "sub")).Append('}');
                break;
            case "sSubSup":
                sb.Append(Base(e)).Append("_{").Append(Arg(e, "sub")).Append("}^{").Append(Arg(e, "sup")).Append('}');
                break;
            case "sPre":
                sb.Append("{}_{").Append(Arg(e, "sub")).Append("}^{").Append(Arg(e, "sup")).Append('}').Append(Base(e));
                break;
            case "rad":
                var degree = Arg(e, "deg");
                sb.Append(degree.Length > 0 && Prop(e, "radPr", "degHide") is not ("1" or "on" or "true") ? $@"\sqrt[{degree}]{{" : @"\sqrt{").Append(Arg(e, "e")).Append('}');
                break;
            case "d":
                Delimiter(e, sb);
                break;
            case "nary":
                Nary(e, sb);
                break;
            case "func":
                Function(e, sb);
                break;
            case "acc":
                sb.Append(MathSymbols.Accent(Prop(e, "accPr", "chr") ?? "\u0302")).Append('{').Append(Arg(e, "e")).Append('}');
                break;
            case "bar":
                sb.Append(Prop(e, "barPr", "pos") == "bot" ? @"\underline{" : @"\overline{").Append(Arg(e, "e")).Append('}');
                break;
            case "groupChr":
                GroupCharacter(e, sb);
                break;
            case "limLow":
                Limit(e, "_", sb);
                break;
            case "limUpp":
                Limit(e, "^", sb);
                break;
            case "m":
                Rows(e.Elements().Where(r => r.LocalName == "mr"), @"\begin{matrix}", @"\end{matrix}", sb);
                break;
            case "eqArr" when e.Elements().Count(r => r.LocalName == "e") == 1:
                Children(e, sb);
                break;
            case "eqArr":
                Rows(e.Elements().Where(r => r.LocalName == "e"), @"\begin{array}{l}", @"\end{array}", sb);
                break;
            case "box" or "borderBox" or "phant" or "oMath" or "e":
                Children(e, sb);
                break;
            case "oMathPara":
                var first = true;
                foreach (var math in e.Elements().Where(x => x.LocalName == "oMath"))
                {
                    if (!first) sb.Append(@" \\ ");
                    Children(math, sb);
                    first = false;
                }
                break;
            case "rPr" or "ctrlPr" or "oMathParaPr" or "fPr" or "dPr" or "naryPr" or "funcPr" or "accPr" or "barPr" or "groupChrPr"
                or "limLowPr" or "limUppPr" or "mPr" or "eqArrPr" or "radPr" or "sSupPr" or "sSubPr" or "sSubSupPr" or "sPrePr" or "boxPr" or "borderBoxPr" or "phantPr":
                break;
            default:
                Children(e, sb);
                break;
        }
    }

    private static void Run(OpenXmlElement run, StringBuilder sb)
    {
        foreach (var t in run.Elements().Where(x => x.LocalName == "t"))
        {
            var text = t.InnerText;
            for (var i = 0; i < text.Length; i++)
            {
                // Math mode drops spaces; a space between words ("group with braces") is kept as "\ ".
                var between = text[i] == ' ' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
                sb.Append(between ? @"\ " : MathSymbols.Latex(text[i]));
            }
        }
    }

    private static void Delimiter(OpenXmlElement e, StringBuilder sb)
    {
        var open = Prop(e, "dPr", "begChr") ?? "(";
        var close = Prop(e, "dPr", "endChr") ?? ")";
        var separator = Prop(e, "dPr", "sepChr") ?? "|";
        sb.Append(@"\left").Append(MathSymbols.Fence(open));
        var first = true;
        foreach (var arg in e.Elements().Where(x => x.LocalName == "e"))
        {
            if (!first) sb.Append(MathSymbols.Latex(separator.Length > 0 ? separator[0] : '|'));
            Children(arg, sb);
            first = false;
        }
        sb.Append(@"\right").Append(MathSymbols.Fence(close));
    }

    private static void Nary(OpenXmlElement e, StringBuilder sb)
    {
        var op = Prop(e, "naryPr", "chr") ?? "\u222B";
        // Hidden limits are empty groups, so the operator never runs into the operand (\\int{}^{}x, not \\intx).
        sb.Append(MathSymbols.Nary(op));
        sb.Append("_{").Append(Prop(e, "naryPr", "subHide") is "1" or "on" or "true" ? "" : Arg(e, "sub")).Append('}');
        sb.Append("^{").Append(Prop(e, "naryPr", "supHide") is "1" or "on" or "true" ? "" : Arg(e, "sup")).Append('}');
        sb.Append(Arg(e, "e"));
    }

    // A function name with a limit under it (lim, max, argmax) becomes \\name_{limit}.
    private static void Function(OpenXmlElement e, StringBuilder sb)
    {
        var nameElement = e.Elements().FirstOrDefault(x => x.LocalName == "fName");
        var lower = nameElement?.Elements().FirstOrDefault(x => x.LocalName is "limLow" or "limUpp");
        var name = lower is null ? Arg(e, "fName") : Arg(lower, "e");
        sb.Append(MathSymbols.FunctionNames.Contains(name) ? "\\" + name : $@"\operatorname{{{name}}}");
        if (lower is not null) sb.Append(lower.LocalName == "limLow" ? "_{" : "^{").Append(Arg(lower, "lim")).Append('}');
        sb.Append(Arg(e, "e"));
    }

    private static void GroupCharacter(OpenXmlElement e, StringBuilder sb)
    {
        var top = Prop(e, "groupChrPr", "pos") == "top";
        var chr = Prop(e, "groupChrPr", "chr") ?? "\u23DF";
        var command = chr switch
        {
            "\u23DE" => @"\overbrace",
            "\u23DF" => @"\underbrace",
            _ => top ? @"\overset" : @"\underset",
        };
        if (command is @"\overset" or @"\underset") sb.Append(command).Append('{').Append(MathSymbols.Latex(chr[0])).Append("}{").Append(Arg(e, "e")).Append('}');
        else sb.Append(command).Append('{').Append(Arg(e, "e")).Append('}');
    }

    private static void Limit(OpenXmlElement e, string script, StringBuilder sb)
    {
        var body = Arg(e, "e");
        var limit = Arg(e, "lim");
        if (script == "_" && body.StartsWith(@"\underbrace", StringComparison.Ordinal)) sb.Append(body).Append("_{").Append(limit).Append('}');
        else if (script == "^" && body.StartsWith(@"\overbrace", StringComparison.Ordinal)) sb.Append(@"\overset{").Append(limit).Append("}{").Append(body).Append('}');
        else if (body.StartsWith('\\') && !body.Contains(' ')) sb.Append(body).Append(script).Append('{').Append(limit).Append('}');
        else sb.Append(script == "_" ? @"\underset{" : @"\overset{").Append(limit).Append("}{").Append(body).Append('}');
    }

    private static void Rows(IEnumerable<OpenXmlElement> rows, string begin, string end, StringBuilder sb)
    {
        sb.Append(begin);
        var first = true;
        foreach (var row in rows)
        {
            if (!first) sb.Append(@" \\ ");
            if (row.LocalName == "mr") sb.AppendJoin(" & ", row.Elements().Where(x => x.LocalName == "e").Select(Text));
            else sb.Append(Text(row));
            first = false;
        }
        sb.Append(end);
    }

    private static string Base(OpenXmlElement e)
    {
        var text = Arg(e, "e");
        var single = text.Length == 1 || text.Length > 1 && text[0] == '\\' && text.Skip(1).All(char.IsAsciiLetter);
        return single || text.StartsWith(@"\left", StringComparison.Ordinal) || text.StartsWith('{') ? text : "{" + text + "}";
    }

    private static string Arg(OpenXmlElement e, string name) =>
        e.Elements().FirstOrDefault(x => x.LocalName == name) is { } arg ? Text(arg) : "";

    private static string Text(OpenXmlElement e)
    {
        var sb = new StringBuilder();
        Children(e, sb);
        return Tidy(sb.ToString());
    }

    private static string? Prop(OpenXmlElement e, string properties, string name)
    {
        var prop = e.Elements().FirstOrDefault(x => x.LocalName == properties)?.Elements().FirstOrDefault(x => x.LocalName == name);
        return prop?.GetAttributes().FirstOrDefault(a => a.LocalName == "val").Value is { } v ? v : prop is null ? null : "1";
    }

    private static string Tidy(string latex) => string.Join(' ', latex.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
