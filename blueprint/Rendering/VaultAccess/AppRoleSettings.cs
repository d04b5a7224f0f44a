namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>
/// The AppRole role settings every program credential gets: a service token (the provider logs in once per process
/// and uses it directly, <c>skip_child_token</c>) that lives one hour, carries only its policy, and is usable only
/// from the tailnet, the only network Vault listens on; the secret id logs in from there alone, as often as needed,
/// and never expires (a secret id with a count or a lifetime would drift and be replaced by itself).
/// </summary>
public static class AppRoleSettings
{
    /// <summary>Vault's token lives this long; a Pulumi run's Vault calls all fall within an hour of its first.</summary>
    public static readonly TimeSpan TokenTtl = TimeSpan.FromHours(1);

    /// <summary>Tailscale's address ranges: Vault's listener is on the tailnet, so every client comes from them.</summary>
    public static readonly IReadOnlyList<string> TailnetCidrs = ["100.64.0.0/10", "fd7a:115c:a1e0::/48"];

    /// <summary>A service token: batch tokens cannot be looked up the way the provider does.</summary>
    public const string TokenType = "service";

    /// <summary>The policy names <c>auth/token/lookup-self</c> itself; the default policy would add more.</summary>
    public const bool TokenNoDefaultPolicy = true;

    /// <summary>0: unlimited uses, within the token's hour and the secret id's lifetime.</summary>
    public const int TokenNumUses = 0;

    public const int SecretIdNumUses = 0;

    /// <summary>0: the secret id does not expire; it is rotated on purpose (docs/runbook.md).</summary>
    public const int SecretIdTtl = 0;

    public static int TokenTtlSeconds => (int)TokenTtl.TotalSeconds;

    /// <summary>The role's parameters as <c>vault write</c> takes them: the same values the grants' roles are registered with.</summary>
    public static IReadOnlyList<string> WriteParameters(string policy) =>
    [
        $"token_policies={policy}",
        $"token_no_default_policy={(TokenNoDefaultPolicy ? "true" : "false")}",
        $"token_type={TokenType}",
        $"token_ttl={TokenTtlSeconds}",
        $"token_max_ttl={TokenTtlSeconds}",
        $"token_num_uses={TokenNumUses}",
        $"token_bound_cidrs={string.Join(',', TailnetCidrs)}",
        $"secret_id_bound_cidrs={string.Join(',', TailnetCidrs)}",
        $"secret_id_num_uses={SecretIdNumUses}",
        $"secret_id_ttl={SecretIdTtl}",
    ];
}
