namespace Tazlab.Stacks.Model;

/// <summary>A Vault JWT role bound to one Kubernetes service account.</summary>
/// <param name="Audience">The bound audience; null means the Vault API URL.</param>
/// <param name="SecretFolders">
/// The folders under the stack's KV prefix the role may read (its own policy grants exactly these); by default one
/// folder named after the role.
/// </param>
public sealed record JwtRole(
    string Name,
    string Namespace,
    string ServiceAccount,
    string? Audience,
    TimeSpan TokenTtl,
    TimeSpan TokenMaxTtl,
    IReadOnlyList<string> SecretFolders)
{
    public string BoundSubject => $"system:serviceaccount:{Namespace}:{ServiceAccount}";
}
