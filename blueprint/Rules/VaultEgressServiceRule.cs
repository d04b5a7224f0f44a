using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Operator;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ053: the cluster can resolve Vault: an egress Service named after Vault's device sits in the operator's
/// namespace (where the CoreDNS rewrite points) and targets Vault's MagicDNS name.
/// </summary>
public sealed class VaultEgressServiceRule : ISafetyRule
{
    public string Id => "TZ053";

    public string Title => "The Vault egress Service the CoreDNS rewrite resolves to exists, in the operator's namespace, for Vault's MagicDNS name";

    public string Fix => "Render the ExternalName Service named after tazlab:vaultDeviceName in tazlab:operatorNamespace, annotated with Vault's MagicDNS FQDN.";

    public RuleResult Evaluate(PlanContext context)
    {
        var egress = context.Rendering.Get<OperatorRendering>().VaultEgress;
        var messages = new List<string>();
        var expectedName = context.Config.Vault.DeviceName;
        if (egress.Metadata.Name != expectedName || egress.Metadata.NamespaceProperty != context.Config.Operator.Namespace)
        {
            messages.Add($"the egress Service is {egress.Metadata.NamespaceProperty}/{egress.Metadata.Name}, but {context.Names.VaultFqdn} rewrites to {expectedName}.{context.Config.Operator.Namespace}");
        }

        if (!(egress.Metadata.Annotations?.TryGetValue(OperatorRendering.TailnetFqdnAnnotation, out var target) ?? false) || target != context.Names.VaultFqdn)
        {
            messages.Add($"the egress Service does not target {context.Names.VaultFqdn} through {OperatorRendering.TailnetFqdnAnnotation}");
        }

        if (egress.Spec.Type != "ExternalName")
        {
            messages.Add($"the egress Service is of type {egress.Spec.Type}; the operator proxies only ExternalName Services");
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
