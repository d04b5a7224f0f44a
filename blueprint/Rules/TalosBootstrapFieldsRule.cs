using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Talos;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ031: compared with the plan last applied (<c>plan --previous</c>), no bootstrap-only Talos field changed: API
/// server SANs and service-account arguments, cluster networks and name, Talos' CoreDNS switch and the
/// machine-configuration contract are baked in at bootstrap, and patching them into a live cluster is how the PKI
/// was lost (DOMAIN.md failure 1). <c>--allow-rebuild</c> turns the failure into a warning.
/// </summary>
public sealed class TalosBootstrapFieldsRule : ISafetyRule
{
    private const string Unset = "(not set)";

    private const string ContractPath = "contract.talosVersion";

    public string Id => "TZ031";

    public string Title => "No bootstrap-only Talos field changed since the previously applied plan";

    public string Fix => "Revert the change, or accept that the cluster is destroyed and created anew with it: re-run plan with --allow-rebuild.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.PreviousTalos is not { } previous)
        {
            return context.PreviousTalosProblem is { } problem
                ? RuleResult.Fail(this, [$"the previous plan cannot be compared: {problem}; expected a plan.json written by an earlier plan of this stack"])
                : RuleResult.Pass(this);
        }

        var stack = context.Config.StackName;
        if (previous.Stack is not null && previous.Stack != stack)
        {
            return RuleResult.Fail(this, [$"the previous plan is of stack '{previous.Stack}', not '{stack}'; expected the plan.json last applied to {stack}"]);
        }

        var before = previous.Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var after = context.Rendering.Get<TalosRendering>().Fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var messages = new List<string>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(path);
            var now = after.GetValueOrDefault(path);
            var bootstrapOnly = old?.Class == TalosFieldClass.BootstrapOnly || now?.Class == TalosFieldClass.BootstrapOnly;
            if (bootstrapOnly && old?.Value != now?.Value)
            {
                // An upgrade across minors keeps the contract the cluster was made with: say how.
                var keep = path == ContractPath && old is not null ? $"; to upgrade Talos in place instead, keep it: tazlab:talosConfigContract: {old.Value}" : string.Empty;
                messages.Add($"{path}: {old?.Value ?? Unset} → {now?.Value ?? Unset}; this field is bootstrap-only, a live cluster cannot take the change: the cluster must be rebuilt (destroyed and created){keep}");
            }
        }

        if (messages.Count == 0)
        {
            return RuleResult.Pass(this);
        }

        return context.Options.AllowRebuild ? RuleResult.Warn(this, messages) : RuleResult.Fail(this, messages);
    }
}
