using System.Collections.Frozen;

namespace DocStrange.Extraction.Formats.Wordprocessing;

/// <summary>LaTeX for the characters Office Math uses: Greek letters, operators, relations, arrows, fences and n-ary operators.</summary>
internal static class MathSymbols
{
    /// <summary>Function names LaTeX has a command for (<c>\sin</c>, <c>\lim</c>).</summary>
    public static readonly FrozenSet<string> FunctionNames = new[]
    {
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "coth",
        "log", "ln", "lg", "exp", "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det", "dim", "gcd", "arg", "deg", "ker", "hom", "Pr",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<char, string> Commands = new Dictionary<char, string>
    {
        ['α'] = @"\alpha", ['β'] = @"\beta", ['γ'] = @"\gamma", ['δ'] = @"\delta", ['ε'] = @"\epsilon", ['ϵ'] = @"\epsilon", ['ζ'] = @"\zeta",
        ['η'] = @"\eta", ['θ'] = @"\theta", ['ι'] = @"\iota", ['κ'] = @"\kappa", ['λ'] = @"\lambda", ['μ'] = @"\mu", ['ν'] = @"\nu",
        ['ξ'] = @"\xi", ['π'] = @"\pi", ['ρ'] = @"\rho", ['σ'] = @"\sigma", ['τ'] = @"\tau", ['υ'] = @"\upsilon", ['φ'] = @"\phi",
        ['ϕ'] = @"\phi", ['χ'] = @"\chi", ['ψ'] = @"\psi", ['ω'] = @"\omega", ['Γ'] = @"\Gamma", ['Δ'] = @"\Delta", ['Θ'] = @"\Theta",
        ['Λ'] = @"\Lambda", ['Ξ'] = @"\Xi", ['Π'] = @"\Pi", ['Σ'] = @"\Sigma", ['Φ'] = @"\Phi", ['Ψ'] = @"\Psi", ['Ω'] = @"\Omega",
        ['∞'] = @"\infty", ['×'] = @"\times", ['÷'] = @"\div", ['·'] = @"\cdot", ['⋅'] = @"\cdot", ['±'] = @"\pm", ['∓'] = @"\mp",
        ['≤'] = @"\leq", ['≥'] = @"\geq", ['≠'] = @"\neq", ['≈'] = @"\approx", ['≡'] = @"\equiv", ['∝'] = @"\propto", ['∼'] = @"\sim",
        ['∈'] = @"\in", ['∉'] = @"\notin", ['⊂'] = @"\subset", ['⊆'] = @"\subseteq", ['⊃'] = @"\supset", ['⊇'] = @"\supseteq",
        ['∩'] = @"\cap", ['∪'] = @"\cup", ['∧'] = @"\wedge", ['∨'] = @"\vee", ['¬'] = @"\neg", ['∀'] = @"\forall", ['∃'] = @"\exists",
        ['∂'] = @"\partial", ['∇'] = @"\nabla", ['→'] = @"\rightarrow", ['←'] = @"\leftarrow", ['↔'] = @"\leftrightarrow",
        ['⇒'] = @"\Rightarrow", ['⇐'] = @"\Leftarrow", ['⇔'] = @"\Leftrightarrow", ['…'] = @"\ldots", ['⋯'] = @"\cdots", ['°'] = @"^{\circ}",
        ['∅'] = @"\emptyset", ['ℏ'] = @"\hbar", ['ℓ'] = @"\ell", ['′'] = "'", ['−'] = "-", ['∗'] = "*", ['∘'] = @"\circ",
        ['{'] = @"\{", ['}'] = @"\}", ['%'] = @"\%", ['#'] = @"\#", ['&'] = @"\&",
    }.ToFrozenDictionary();

    /// <summary>The LaTeX for one character: a command followed by a space where one is needed, else the character.</summary>
    public static string Latex(char ch) => Commands.TryGetValue(ch, out var command)
        ? command.Length > 1 && char.IsAsciiLetter(command[^1]) ? " " + command + " " : command
        : ch.ToString();

    /// <summary>A fence character after <c>\left</c> or <c>\right</c>; an empty fence is <c>.</c>.</summary>
    public static string Fence(string chr) => chr switch
    {
        "" => ".",
        "{" => @"\{",
        "}" => @"\}",
        "⟨" or "〈" => @"\langle",
        "⟩" or "〉" => @"\rangle",
        "‖" => @"\|",
        "⌊" => @"\lfloor",
        "⌋" => @"\rfloor",
        "⌈" => @"\lceil",
        "⌉" => @"\rceil",
        _ => chr,
    };

    /// <summary>The command of an n-ary operator character (∑, ∏, ∫, ∮, ⋃ ...).</summary>
    public static string Nary(string chr) => chr switch
    {
        "∑" => @"\sum",
        "∏" => @"\prod",
        "∐" => @"\coprod",
        "∫" => @"\int",
        "∬" => @"\iint",
        "∭" => @"\iiint",
        "∮" => @"\oint",
        "∯" => @"\oiint",
        "∰" => @"\oiiint",
        "⋃" => @"\bigcup",
        "⋂" => @"\bigcap",
        "⋀" => @"\bigwedge",
        "⋁" => @"\bigvee",
        "⨁" => @"\bigoplus",
        "⨂" => @"\bigotimes",
        _ => chr,
    };

    /// <summary>The accent command for a combining accent character.</summary>
    public static string Accent(string chr) => chr switch
    {
        "\u0300" => @"\grave",
        "\u0301" => @"\acute",
        "\u0303" => @"\tilde",
        "\u0304" or "\u00AF" => @"\bar",
        "\u0307" => @"\dot",
        "\u0308" => @"\ddot",
        "\u20D7" or "\u2192" => @"\vec",
        "\u030C" => @"\check",
        _ => @"\hat",
    };
}
