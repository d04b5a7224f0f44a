using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Operator;

namespace Tazlab.Blueprint.Rules;

/// <summary>TZ052: the operator's namespace admits privileged pods: its proxies configure networking.</summary>
public sealed class OperatorNamespacePrivilegedRule : ISafetyRule
{
    public string Id => "TZ052";

    public string Title => "The operator's namespace carries pod-security.kubernetes.io/enforce=privileged";

    public string Fix => "Label the operator's namespace pod-security.kubernetes.io/enforce=privileged.";

    public RuleResult Evaluate(PlanContext context)
    {
        var ns = context.Rendering.Get<OperatorRendering>().Namespace;
        var labels = ns.Metadata.Labels ?? new Dictionary<string, string>();
        return labels.TryGetValue(OperatorRenderer.PodSecurityLabel, out var level) && level == "privileged"
            ? RuleResult.Pass(this)
            : RuleResult.Fail(this, [$"namespace {ns.Metadata.Name} does not enforce the privileged Pod Security level, so the proxies cannot start"]);
    }
}
