namespace Tazlab.Stacks.Model;

/// <summary>Vault's JWT auth backend for Kubernetes service accounts.</summary>
public sealed record VaultKubernetesAuthConfig(string MountPath, JwtValidationMode Mode, IReadOnlyList<JwtRole> Roles);
