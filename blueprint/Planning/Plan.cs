using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Validation;

namespace Tazlab.Blueprint.Planning;

/// <summary>The offline plan of one stack: its graph, the order of bring-up and every safety check's result.</summary>
public sealed record Plan(PlanContext Context, IReadOnlyList<RuleResult> Checks, IReadOnlyList<Diagnostic> Warnings)
{
    public bool SafetyFailed => Checks.Any(c => c.Status == RuleStatus.Fail);
}
