namespace Tazlab.Stacks.Loading;

/// <summary>
/// Configuration namespaces of the Pulumi providers this program uses. Keys in these namespaces belong to
/// the providers (Pulumi checks them); the loader accepts them and only makes sure credentials are secrets.
/// </summary>
public static class ProviderNamespaces
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "pulumi", "hcloud", "proxmoxve", "tailscale", "vault", "kubernetes", "talos", "command", "tls",
    };

    /// <summary>Provider keys that hold credentials and must be set with <c>--secret</c>.</summary>
    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "hcloud:token",
        "proxmoxve:apiToken",
        "proxmoxve:password",
        "tailscale:apiKey",
        "tailscale:oauthClientSecret",
        "vault:token",
    };
}
