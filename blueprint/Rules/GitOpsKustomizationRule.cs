using Tazlab.Blueprint.GitOps;
using Tazlab.Blueprint.Planning;

namespace Tazlab.Blueprint.Rules;

/// <summary>TZ071: with <c>--gitops</c>, every manifest in the GitOps tree is referenced by its kustomization (failure 7).</summary>
public sealed class GitOpsKustomizationRule : ISafetyRule
{
    public string Id => "TZ071";

    public string Title => "Every YAML file beside a kustomization is in its resources, and every listed file exists (plan --gitops)";

    public string Fix => "Add the file under resources: of its kustomization.yaml (or list it in .gitops-lint-ignore), and remove entries whose file is gone.";

    public RuleResult Evaluate(PlanContext context) => context.Options.GitOpsDirectory is { } directory
        ? RuleResult.FailIfAny(this, KustomizationLinter.Lint(directory))
        : RuleResult.Skip(this, "no --gitops folder given");
}
