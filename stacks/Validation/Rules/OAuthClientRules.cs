using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The tailnet's OAuth clients: names, scopes and the tags they may apply; the operator's client must be one of them.</summary>
internal sealed class OAuthClientRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    /// <summary>Scopes a Tailscale OAuth client can be given.</summary>
    public static readonly IReadOnlySet<string> KnownOAuthScopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "all", "all:read", "auth_keys", "auth_keys:read", "devices:core", "devices:core:read", "devices:routes",
        "devices:routes:read", "devices:posture_attributes", "devices:posture_attributes:read", "dns", "dns:read",
        "feature_settings", "feature_settings:read", "logs:configuration:read", "logs:network:read", "oauth_keys",
        "oauth_keys:read", "policy_file", "policy_file:read", "services", "services:read", "users", "users:read",
        "webhooks", "webhooks:read",
    };

    public override void Check()
    {
        var t = Config.Tailnet;
        var key = Key("oauthClients");
        Unique(key, t.OAuthClients.Select(c => c.Name).ToList(), "name");
        for (var i = 0; i < t.OAuthClients.Count; i++)
        {
            var client = t.OAuthClients[i];
            if (!NameRules.IsRfc1123Label(client.Name.Replace('_', '-')))
            {
                Bag.Error(Item(key, i, "name"), $"'{Show(client.Name)}' is not a client name", "letters, digits, '-' or '_'");
            }

            if (client.Scopes.Count == 0)
            {
                Bag.Error(Item(key, i, "scopes"), "is empty", "at least one scope, e.g. auth_keys or devices:core");
            }

            for (var s = 0; s < client.Scopes.Count; s++)
            {
                if (!KnownOAuthScopes.Contains(client.Scopes[s]))
                {
                    Bag.Error($"{Item(key, i, "scopes")}[{s}]", $"'{Show(client.Scopes[s])}' is not a Tailscale OAuth scope" + Suggestions.DidYouMean(client.Scopes[s], KnownOAuthScopes), "a scope such as auth_keys, devices:core or services");
                }
            }

            if (client.Tags.Count == 0 && client.Scopes.Any(s => s is "auth_keys" or "devices:core" or "all"))
            {
                Bag.Error(Item(key, i, "tags"), "is empty, but the scopes include auth_keys or devices:core", "the tags this client may apply (Tailscale requires them for these scopes)");
            }

            CheckTags($"oauthClients[{i}].tags", client.Tags, nonEmpty: false);
        }

        if (!t.OAuthClients.Any(c => c.Name == t.OperatorOAuthClient))
        {
            Bag.Error(
                Key("operatorOAuthClient"),
                $"'{Show(t.OperatorOAuthClient)}' names no OAuth client" + Suggestions.DidYouMean(t.OperatorOAuthClient, t.OAuthClients.Select(c => c.Name)),
                t.OAuthClients.Count == 0 ? $"an entry in {Key("oauthClients")} for the Kubernetes operator" : $"one of: {string.Join(", ", t.OAuthClients.Select(c => c.Name))}");
        }
    }
}
