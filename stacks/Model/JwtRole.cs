namespace Tazlab.Stacks.Model;

/// <summary>A Vault JWT role bound to one Kubernetes service account.</summary>
/// <param name="Audience">The bound audience; null means the Vault API URL.</param>
public sealed record JwtRole(
    string Name,
    string Namespace,
    string ServiceAccount,
    string? Audience,
    TimeSpan TokenTtl,
    TimeSpan TokenMaxTtl,
    IReadOnlyList<string> Policies)
{
    public string BoundSubject => $"system:serviceaccount:{Namespace}:{ServiceAccount}";
}
