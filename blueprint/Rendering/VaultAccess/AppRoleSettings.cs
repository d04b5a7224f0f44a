namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>
/// The AppRole role settings every program credential gets: a service token (the provider logs in once per process
/// and uses it directly, <c>skip_child_token</c>) that lives one hour, carries only its policy, and is usable only
/// from the tailnet, the only network Vault listens on; the secret id logs in from there alone.
/// </summary>
public static class AppRoleSettings
{
    /// <summary>Vault's token lives this long; a Pulumi run's Vault calls all fall within an hour of its first.</summary>
    public static readonly TimeSpan TokenTtl = TimeSpan.FromHours(1);

    /// <summary>Tailscale's address ranges: Vault's listener is on the tailnet, so every client comes from them.</summary>
    public static readonly IReadOnlyList<string> TailnetCidrs = ["100.64.0.0/10", "fd7a:115c:a1e0::/48"];

    /// <summary>The role's parameters as <c>vault write</c> takes them (also the inputs of the grants' roles).</summary>
    public static IReadOnlyList<string> WriteParameters(string policy) =>
    [
        $"token_policies={policy}",
        "token_no_default_policy=true",
        "token_type=service",
        $"token_ttl={(long)TokenTtl.TotalSeconds}",
        $"token_max_ttl={(long)TokenTtl.TotalSeconds}",
        "token_num_uses=0",
        $"token_bound_cidrs={string.Join(',', TailnetCidrs)}",
        $"secret_id_bound_cidrs={string.Join(',', TailnetCidrs)}",
        "secret_id_num_uses=0",
        "secret_id_ttl=0",
    ];
}
