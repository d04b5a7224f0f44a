using Tazlab.Blueprint.Planning;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// A check that stands between a configuration and one of the failures this platform has suffered.
/// Each has a stable id (TZ0xx), a one-line title and the fix to apply when it fails.
/// </summary>
public interface ISafetyRule
{
    string Id { get; }

    string Title { get; }

    string Fix { get; }

    RuleResult Evaluate(PlanContext context);
}
