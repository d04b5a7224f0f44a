namespace Tazlab.Blueprint.Rules;

public enum RuleStatus
{
    Pass,
    Warn,
    Fail,

    /// <summary>Not run: the input it checks was not given (e.g. no --gitops folder).</summary>
    Skipped,
}
