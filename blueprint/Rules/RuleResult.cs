namespace Tazlab.Blueprint.Rules;

/// <summary>What one safety rule found for one plan.</summary>
public sealed record RuleResult(string RuleId, string Title, RuleStatus Status, IReadOnlyList<string> Messages, string Fix)
{
    public static RuleResult Pass(ISafetyRule rule) => new(rule.Id, rule.Title, RuleStatus.Pass, [], rule.Fix);

    public static RuleResult Fail(ISafetyRule rule, IReadOnlyList<string> messages) => new(rule.Id, rule.Title, RuleStatus.Fail, messages, rule.Fix);

    public static RuleResult Warn(ISafetyRule rule, IReadOnlyList<string> messages) => new(rule.Id, rule.Title, RuleStatus.Warn, messages, rule.Fix);

    public static RuleResult Skip(ISafetyRule rule, string reason) => new(rule.Id, rule.Title, RuleStatus.Skipped, [reason], rule.Fix);

    /// <summary>Fail when there are messages, pass otherwise.</summary>
    public static RuleResult FailIfAny(ISafetyRule rule, IReadOnlyList<string> messages) => messages.Count == 0 ? Pass(rule) : Fail(rule, messages);
}
