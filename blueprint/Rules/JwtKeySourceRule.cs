using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ060: the JWT backend sets exactly one key source — oidc_discovery_url, jwks_url or
/// jwt_validation_pubkeys (DOMAIN failure 10); Vault rejects a configuration with two, and none validates nothing.
/// </summary>
public sealed class JwtKeySourceRule : ISafetyRule
{
    private static readonly string[] Sources = ["oidc_discovery_url", "jwks_url", "jwt_validation_pubkeys"];

    public string Id => "TZ060";

    public string Title => "The Vault JWT backend sets exactly one of oidc_discovery_url, jwks_url, jwt_validation_pubkeys";

    public string Fix => "Set tazlab:vaultJwtValidationMode to pubkeys (jwt_validation_pubkeys) or jwks-url, and render only that key source.";

    public RuleResult Evaluate(PlanContext context)
    {
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var shipped = auth.ReadJwtAuthFile();
        var set = shipped.Config.KeySources();
        return set.Count == 1
            ? RuleResult.Pass(this)
            : RuleResult.Fail(this,
            [
                set.Count == 0
                    ? $"the {shipped.Mount} backend sets none of {string.Join(", ", Sources)}: it cannot validate any token"
                    : $"the {shipped.Mount} backend sets {string.Join(" and ", set)}; Vault accepts exactly one",
            ]);
    }
}
