using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Tailnet;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ014: the rendered policy grants the connections the platform itself depends on. The operator's egress
/// proxy must reach Vault's API (External Secrets and JWT clients reach Vault only through it); in jwks-url mode
/// Vault must also reach the API server, exposed on the tailnet by an operator proxy, to fetch the keys.
/// Default deny would otherwise leave the cluster unable to reach Vault, or Vault unable to validate a JWT.
/// </summary>
public sealed class TailnetPlatformPathsRule : ISafetyRule
{
    public string Id => "TZ014";

    public string Title => "The tailnet policy grants the platform's own paths: proxies to the Vault API, and Vault to the API server in jwks-url mode";

    public string Fix => "Add an access intent from the operator's proxy tags to a Vault tag on tazlab:vaultApiPort (and, for jwks-url, from a Vault tag to the proxy tags on 6443).";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.Rendering.Get<TailnetRendering>().Policy is not { } policy)
        {
            return RuleResult.Pass(this);
        }

        var config = context.Config;
        var devices = TaggedDevice.Of(config);
        var proxyTags = config.Operator.ProxyTags;
        var vaultTags = config.Vault.Tags;
        var messages = new List<string>();
        if (proxyTags.Count > 0 && vaultTags.Count > 0 && !Reaches(policy, proxyTags, vaultTags, config.Vault.ApiPort, devices))
        {
            messages.Add($"no grant lets the operator's proxies ([{string.Join(", ", proxyTags)}]) reach the Vault API ([{string.Join(", ", vaultTags)}] port {config.Vault.ApiPort}): the cluster could not reach Vault");
        }

        if (config.VaultAuth.Mode == JwtValidationMode.JwksUrl && proxyTags.Count > 0 && vaultTags.Count > 0
            && !Reaches(policy, vaultTags, proxyTags, PlatformNames.ApiServerPort, devices))
        {
            messages.Add($"{config.ProjectName}:vaultJwtValidationMode is jwks-url, but no grant lets the Vault VM ([{string.Join(", ", vaultTags)}]) reach the API server's proxy ([{string.Join(", ", proxyTags)}] port {PlatformNames.ApiServerPort}) to fetch the keys");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static bool Reaches(TailnetPolicy policy, IReadOnlyList<string> sources, IReadOnlyList<string> hosts, int port, IReadOnlyList<TaggedDevice> devices) =>
        sources.Any(source => hosts.Any(host => PolicyEvaluator.GrantsAllowing(policy, source, new PolicyTestTarget(host, port), devices).Count > 0));
}
