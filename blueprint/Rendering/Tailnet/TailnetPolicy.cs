namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>
/// The tailnet policy file as a typed model. Tailscale's policy resource overwrites the whole file, so it is
/// built in one piece by the one stack that owns the tailnet's policy.
/// </summary>
/// <param name="TagOwners">The <c>tagOwners</c> section, in configuration order.</param>
/// <param name="Grants">The <c>grants</c> section: one grant per access intent, nothing else (default deny).</param>
/// <param name="SshRules">The <c>ssh</c> section; empty means no Tailscale SSH.</param>
/// <param name="Tests">The <c>tests</c> section, which Tailscale checks on every write of the policy.</param>
public sealed record TailnetPolicy(
    IReadOnlyList<PolicyTagOwner> TagOwners,
    IReadOnlyList<PolicyGrant> Grants,
    IReadOnlyList<PolicySshRule> SshRules,
    IReadOnlyList<PolicyTest> Tests)
{
    /// <summary>The owners of <paramref name="tag"/>, or null when the policy gives it none.</summary>
    public IReadOnlyList<string>? OwnersOf(string tag) => TagOwners.FirstOrDefault(o => o.Tag == tag)?.Owners;
}
