namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>One problem in a Corefile, on a 1-based line, worded like a configuration diagnostic.</summary>
public sealed record CorefileError(int Line, string Problem, string Expected)
{
    /// <summary><c>line 3: &lt;problem&gt;; expected &lt;valid&gt;</c>.</summary>
    public string Message => $"line {Line}: {Problem}; expected {Expected}";

    public override string ToString() => Message;
}
