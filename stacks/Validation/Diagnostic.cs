using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Validation;

/// <summary>
/// One configuration problem: the key that holds it, what is wrong, and what would be valid. Every message the tool
/// prints about a configuration is one of these, so each part is escaped here, once (<see cref="ConfigScalar.Escape"/>):
/// a key or value with a line break in it cannot print what looks like another problem, whatever a rule put in it.
/// </summary>
public sealed record Diagnostic
{
    public Diagnostic(Severity severity, string key, string problem, string expected)
    {
        Severity = severity;
        Key = ConfigScalar.Escape(key);
        Problem = ConfigScalar.Escape(problem);
        Expected = ConfigScalar.Escape(expected);
    }

    public Severity Severity { get; }

    public string Key { get; }

    public string Problem { get; }

    public string Expected { get; }

    /// <summary>The line users read: <c>&lt;key&gt;: &lt;problem&gt;; expected &lt;valid&gt;</c>.</summary>
    public string Message => $"{Key}: {Problem}; expected {Expected}";

    public override string ToString() => Severity == Severity.Error ? Message : $"warning: {Message}";
}
