namespace Tazlab.Stacks.Validation;

public enum Severity
{
    Warning,
    Error,
}
