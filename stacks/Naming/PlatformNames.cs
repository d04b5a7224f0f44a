using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Naming;

/// <summary>
/// The platform's derived names, computed in this one place and passed on: Vault's only name is its MagicDNS
/// FQDN, and every URL that names Vault or the API server is built here.
/// </summary>
public sealed record PlatformNames(
    string Tailnet,
    string VaultFqdn,
    string VaultApiUrl,
    string ApiServerFqdn,
    string ApiServerUrl,
    string ServiceAccountIssuer,
    string JwksUri,
    string VaultBackupUnit)
{
    /// <summary>The Vault VM's backup service: the oneshot the timer starts, and what the runbook checks.</summary>
    public string VaultBackupService => VaultBackupUnit + ".service";

    /// <summary>The Vault VM's backup timer.</summary>
    public string VaultBackupTimer => VaultBackupUnit + ".timer";

    /// <summary>
    /// The kube-apiserver's <c>--api-audiences</c>: only its own audience, the issuer. The API server accepts any
    /// service-account token whose audience is listed here, so Vault's audience must not be: a token sent to Vault could
    /// then be replayed against the API server, and every pod's default token would carry Vault's audience.
    /// </summary>
    public IReadOnlyList<string> ApiServerAudiences => [ServiceAccountIssuer];

    /// <summary>
    /// The audience Vault's JWT roles bind: Vault's own URL. A pod asks for a token with it (a projected
    /// service-account token), which the API server issues for any audience without listing it.
    /// </summary>
    public string VaultAudience => VaultApiUrl;

    /// <summary>The Kubernetes API server's port; Talos serves it on 6443.</summary>
    public const int ApiServerPort = 6443;

    /// <summary>
    /// The Tailscale operator's own device hostname (the chart's <c>operatorConfig.hostname</c>). It carries the
    /// cluster name so that two clusters in one tailnet do not fight over one name; the renderer that writes it
    /// and the device pruning that recognises it both read it from here.
    /// </summary>
    public static string OperatorHostname(StackConfig config) => $"{config.Talos.ClusterName}-tailscale-operator";

    /// <summary>
    /// The endpoint Talos writes into the machine configuration and the kubeconfig: the first control-plane node's
    /// own address. The API server's tailnet name exists only once the operator runs, so bootstrap cannot use it.
    /// </summary>
    public static string ClusterEndpoint(StackConfig config) => $"https://{config.Talos.ControlPlane.First().Ip}:{ApiServerPort}";

    public static PlatformNames From(StackConfig config)
    {
        var tailnet = config.Tailnet.Name;
        var vaultFqdn = $"{config.Vault.DeviceName}.{tailnet}";
        var apiFqdn = $"{config.Talos.ApiServerDeviceName}.{tailnet}";
        var apiUrl = $"https://{apiFqdn}:{ApiServerPort}";
        return new PlatformNames(
            tailnet,
            vaultFqdn,
            $"https://{vaultFqdn}:{config.Vault.ApiPort}",
            apiFqdn,
            apiUrl,
            ServiceAccountIssuer: apiUrl,
            JwksUri: $"{apiUrl}/openid/v1/jwks",
            // The units carry the project's name, so they read as the platform's on the VM.
            VaultBackupUnit: $"{config.ProjectName}-vault-backup");
    }
}
