using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// The kube-apiserver's <c>--api-audiences</c>: the one definition both the Talos machine configuration and the
/// Vault JWT roles use. A role may only bind audiences the API server issues tokens for.
/// </summary>
public static class ApiServerAudiences
{
    /// <summary>The service-account issuer (the API server's own default audience) and the Vault API URL.</summary>
    public static IReadOnlyList<string> For(PlatformNames names) => [names.ServiceAccountIssuer, names.VaultApiUrl];
}
