namespace Tazlab.Stacks.Model;

/// <summary>The tailnet managed as code: its policy inputs, OAuth clients and auth-key lifetime.</summary>
/// <param name="Name">The tailnet's MagicDNS domain, e.g. <c>example-tailnet.ts.net</c>.</param>
/// <param name="OperatorOAuthClient">Which of <paramref name="OAuthClients"/> the Kubernetes operator uses.</param>
/// <param name="SshRules">Tailscale SSH rules; empty (the default) means no Tailscale SSH at all.</param>
public sealed record TailnetConfig(
    string Name,
    IReadOnlyList<TagOwnership> TagOwners,
    IReadOnlyList<AccessIntent> AccessIntents,
    IReadOnlyList<DenyTest> DenyTests,
    IReadOnlyList<OAuthClientConfig> OAuthClients,
    string OperatorOAuthClient,
    TimeSpan AuthKeyExpiry,
    IReadOnlyList<TailnetSshRule> SshRules);
