using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ064: on Talos, Vault validates service-account tokens with the public key, not by fetching keys from the API
/// server: Talos runs kube-apiserver with anonymous auth off, so /openid/v1/jwks and the discovery document answer
/// 401 to Vault (siderolabs/talos #8336; DOMAIN failure 10).
/// </summary>
public sealed class JwksOnTalosRule : ISafetyRule
{
    public string Id => "TZ064";

    public string Title => "On Talos the JWT backend uses the service-account public key, not a JWKS or discovery URL";

    public string Fix => "use pubkeys: set tazlab:vaultJwtValidationMode to pubkeys (jwt_validation_pubkeys from the service-account key in the machine secrets); refresh it when the key rotates.";

    public RuleResult Evaluate(PlanContext context)
    {
        var shipped = context.Rendering.Get<VaultAuthRendering>().ReadJwtAuthFile();
        var messages = new List<string>();
        foreach (var (setting, url) in new[] { ("jwks_url", shipped.Config.JwksUrl), ("oidc_discovery_url", shipped.Config.OidcDiscoveryUrl) })
        {
            if (url is { Length: > 0 })
            {
                messages.Add($"the {shipped.Mount} backend fetches keys from {setting} {url}, but Talos runs kube-apiserver with anonymous auth off, so Vault is refused (siderolabs/talos #8336)");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
