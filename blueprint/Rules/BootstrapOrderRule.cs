using Tazlab.Blueprint.Planning;

namespace Tazlab.Blueprint.Rules;

/// <summary>TZ001: the platform can come up in some order: the dependency graph, over every edge kind, has no cycle.</summary>
public sealed class BootstrapOrderRule : ISafetyRule
{
    public string Id => "TZ001";

    public string Title => "The platform can be brought up from nothing: the bootstrap dependency graph has no cycle";

    public string Fix => "Break the cycle where it takes a secret from a store the cycle needs: create that secret from stack secrets instead.";

    public RuleResult Evaluate(PlanContext context) => RuleResult.FailIfAny(
        this,
        context.Analysis.Cycles
            .Select(cycle => $"bootstrap cycle: {cycle.Path}; break it: {cycle.Remedy}")
            .ToList());
}
