namespace Tazlab.Stacks.Validation;

/// <summary>One configuration problem: the key that holds it, what is wrong, and what would be valid.</summary>
public sealed record Diagnostic(Severity Severity, string Key, string Problem, string Expected)
{
    /// <summary>The line users read: <c>&lt;key&gt;: &lt;problem&gt;; expected &lt;valid&gt;</c>.</summary>
    public string Message => $"{Key}: {Problem}; expected {Expected}";

    public override string ToString() => Severity == Severity.Error ? Message : $"warning: {Message}";
}
