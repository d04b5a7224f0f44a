namespace Tazlab.Stacks.Model;

/// <summary>Vault's JWT auth backend for Kubernetes service accounts.</summary>
public sealed record VaultKubernetesAuthConfig(string MountPath, JwtValidationMode Mode, IReadOnlyList<JwtRole> Roles)
{
    /// <summary>Vault's default maximum lease (32 days): a role TTL beyond it is silently capped.</summary>
    public static readonly TimeSpan MaxTokenTtl = TimeSpan.FromHours(768);
}
