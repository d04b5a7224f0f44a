using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Stacks.Validation;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ043: every image the CoreDNS manifests deploy is pinned by a version tag or a digest. Failure 8: an
/// <c>unstable</c> image drifted from the operator's record format and answered NXDOMAIN silently.
/// </summary>
public sealed class CoreDnsImagesPinnedRule : ISafetyRule
{
    public string Id => "TZ043";

    public string Title => "Every image the CoreDNS manifests deploy is pinned to a version tag or digest, never latest or unstable";

    public string Fix => "Set tazlab:corednsImage to a released version, e.g. registry.k8s.io/coredns/coredns:v1.12.4, or pin it by digest.";

    public RuleResult Evaluate(PlanContext context)
    {
        var manifests = context.Rendering.Get<CoreDnsRendering>().Manifests;
        if (manifests is null)
        {
            return RuleResult.Pass(this);
        }

        var deployment = manifests.Deployment;
        var pod = deployment.Spec.Template.Spec;
        var containers = (pod.InitContainers ?? []).Concat(pod.Containers ?? []);
        return RuleResult.FailIfAny(
            this,
            containers
                .Where(c => !NameRules.IsPinnedImage(c.Image ?? string.Empty))
                .Select(c => $"Deployment {deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name} container {c.Name} runs '{c.Image}', which is not pinned; expected {NameRules.ImageExpected}")
                .ToList());
    }
}
