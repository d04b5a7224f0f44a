namespace Tazlab.Blueprint.Rules;

public enum RuleStatus
{
    Pass,
    Warn,
    Fail,
}
