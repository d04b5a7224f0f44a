using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Tailnet;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ012: the Tailscale operator's OAuth client can do the operator's job: it has the scopes the operator
/// needs, and it carries a tag that owns (in the rendered tagOwners) every tag the operator gives its proxies.
/// Without either, the operator cannot create the egress proxy through which the cluster reaches Vault.
/// </summary>
public sealed class OperatorOAuthClientRule : ISafetyRule
{
    /// <summary>The scopes the Tailscale Kubernetes operator's OAuth client needs (Tailscale's operator documentation).</summary>
    public static readonly IReadOnlyList<string> OperatorScopes = ["devices:core", "auth_keys", "services"];

    public string Id => "TZ012";

    public string Title => "The operator's OAuth client has the scopes devices:core, auth_keys and services and a tag that owns every proxy tag";

    public string Fix => "Give the client named by tazlab:operatorOAuthClient those scopes and a tag (the operator's own) listed as an owner of every tazlab:operatorProxyTags entry in tazlab:tagOwners.";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.Rendering.Get<TailnetRendering>().Policy is not { } policy)
        {
            return RuleResult.Pass(this);
        }

        var tailnet = context.Config.Tailnet;
        var client = tailnet.OAuthClients.FirstOrDefault(c => c.Name == tailnet.OperatorOAuthClient);
        if (client is null)
        {
            return RuleResult.Fail(this, [$"the operator's OAuth client '{tailnet.OperatorOAuthClient}' is not among the OAuth clients"]);
        }

        var messages = OperatorScopes
            .Where(scope => !client.Scopes.Contains(scope, StringComparer.Ordinal))
            .Select(scope => $"the operator's OAuth client '{client.Name}' lacks the scope {scope}")
            .ToList();
        foreach (var proxyTag in context.Config.Operator.ProxyTags)
        {
            var owners = policy.OwnersOf(proxyTag) ?? [];
            if (!owners.Intersect(client.Tags, StringComparer.Ordinal).Any())
            {
                messages.Add($"the operator's OAuth client '{client.Name}' carries [{string.Join(", ", client.Tags)}], none of which owns proxy tag {proxyTag} (owners: [{string.Join(", ", owners)}]): the operator could not tag its proxies");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
