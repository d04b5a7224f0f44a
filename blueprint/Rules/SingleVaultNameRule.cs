using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ023: every place that names the Vault API — cloud-init's api_addr, the JWT roles' audiences, the
/// ClusterSecretStore's server, the egress Service's target — names the one Vault URL, whose host is the
/// MagicDNS FQDN in the certificate's SANs. A second alias is what broke across destroy/create (failure 11).
/// </summary>
public sealed class SingleVaultNameRule : ISafetyRule
{
    public string Id => "TZ023";

    public string Title => "Every file that names the Vault API names the one Vault URL, whose host is the certificate's MagicDNS SAN";

    public string Fix => "Take every Vault address from the derived Vault URL (tazlab:vaultDeviceName in tazlab:tailnetName); define no other alias.";

    public RuleResult Evaluate(PlanContext context)
    {
        var url = context.Names.VaultApiUrl;
        var fqdn = context.Names.VaultFqdn;
        var messages = new List<string>();
        var server = context.Rendering.Get<VaultServerRendering>();
        if (server.Owned)
        {
            if (!server.SubjectAlternativeNames.Any(san => san.Kind == SubjectAlternativeNameKind.Dns && san.Value == fqdn))
            {
                messages.Add($"the certificate's SANs do not contain {fqdn}");
            }

            Expect(messages, "cloud-init api_addr", server.ApiAddr, url);
        }

        var auth = context.Rendering.Get<VaultAuthRendering>();
        Expect(messages, "ClusterSecretStore server", auth.Store.Vault.Server, url);
        foreach (var role in auth.JwtAuth.Roles)
        {
            // A role's audience is the Vault URL (TZ061 refuses the API server's own, the issuer).
            foreach (var audience in role.BoundAudiences.Where(a => a != context.Names.ServiceAccountIssuer))
            {
                Expect(messages, $"JWT role {role.Name} audience", audience, url);
            }
        }

        var egress = context.Rendering.Get<OperatorRendering>().VaultEgress;
        string? target = null;
        _ = egress.Metadata.Annotations?.TryGetValue(OperatorRendering.TailnetFqdnAnnotation, out target);
        Expect(messages, "egress Service target", target, fqdn);
        return RuleResult.FailIfAny(this, messages);
    }

    private static void Expect(List<string> messages, string where, string? actual, string expected)
    {
        if (actual != expected)
        {
            messages.Add($"{where} is {actual ?? "missing"}; the one Vault name is {expected}");
        }
    }
}
