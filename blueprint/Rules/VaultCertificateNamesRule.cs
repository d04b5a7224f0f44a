using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultServer;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ020: Vault's certificate names Vault by its MagicDNS FQDN and no other alias, and Vault advertises
/// itself by that name (DOMAIN failure 11: an alias outside Tailscale's lifecycle drifted away from the VM).
/// </summary>
public sealed class VaultCertificateNamesRule : ISafetyRule
{
    public string Id => "TZ020";

    public string Title => "Vault's TLS certificate names the MagicDNS FQDN and no other alias";

    public string Fix => "Derive the certificate's SANs from the MagicDNS FQDN only (plus localhost/127.0.0.1 for the VM itself); drop custom DNS aliases and tailnet IPs.";

    public RuleResult Evaluate(PlanContext context)
    {
        var server = context.Rendering.Get<VaultServerRendering>();
        if (!server.Owned)
        {
            return RuleResult.Pass(this);
        }

        var fqdn = context.Names.VaultFqdn;
        var messages = new List<string>();
        if (!server.SubjectAlternativeNames.Contains(SubjectAlternativeName.Dns(fqdn)))
        {
            messages.Add($"the certificate does not name Vault's MagicDNS FQDN {fqdn}");
        }

        foreach (var san in server.SubjectAlternativeNames)
        {
            var allowed = san.Kind == SubjectAlternativeNameKind.Dns
                ? san.Value == fqdn || san.Value == VaultServerRenderer.LoopbackName
                : san.Value == VaultServerRenderer.LoopbackAddress;
            if (!allowed)
            {
                messages.Add($"the certificate names {san.KindName} SAN {san.Value}, an alias outside Tailscale's lifecycle; Vault's only name is {fqdn}");
            }
        }

        foreach (var (setting, url) in new[] { ("api_addr", server.ApiAddr), ("cluster_addr", server.ClusterAddr) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host != fqdn)
            {
                messages.Add($"{setting} is {url ?? "unset"}; clients and peers must reach Vault as https://{fqdn}");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
