namespace Tazlab.Infra;

/// <summary>
/// The stack outputs, by name. The owning stack exports them and a referencing stack reads the same names through
/// its stack reference; the README lists them. Credentials are exported as secrets.
/// </summary>
public static class StackOutputs
{
    public const string TailnetName = "tailnetName";
    public const string OperatorOAuthClientId = "operatorOAuthClientId";
    public const string OperatorOAuthClientSecret = "operatorOAuthClientSecret";
    public const string VaultApiUrl = "vaultApiUrl";
    public const string VaultCaCertificate = "vaultCaCertificate";
    /// <summary>The owning stack's grants: stack name -> { roleId, secretId }, each referencing stack's own Vault credential.</summary>
    public const string VaultStackCredentials = "vaultStackCredentials";
    public const string Kubeconfig = "kubeconfig";
    public const string Talosconfig = "talosconfig";
    public const string ApiServerUrl = "apiServerUrl";
    public const string ServiceAccountPublicKey = "serviceAccountPublicKey";
    public const string CorednsClusterIp = "corednsClusterIp";
    public const string JwtMount = "jwtMount";
    public const string EsoReaderPolicy = "esoReaderPolicy";
    public const string ClusterSecretStore = "clusterSecretStore";
    /// <summary>The restic repositories of the backups (docs/runbook.md, Restore): where a restore reads from.</summary>
    public const string VaultBackupRepository = "vaultBackupRepository";
    public const string EtcdBackupRepository = "etcdBackupRepository";

    /// <summary>What a referencing stack reads from the owning stack.</summary>
    public static readonly IReadOnlyList<string> Referenced =
        [TailnetName, OperatorOAuthClientId, OperatorOAuthClientSecret, VaultApiUrl, VaultCaCertificate, VaultStackCredentials];

    /// <summary>Outputs that carry a credential: always secret.</summary>
    public static readonly IReadOnlySet<string> Secret = new HashSet<string>(StringComparer.Ordinal)
    {
        OperatorOAuthClientId, OperatorOAuthClientSecret, VaultStackCredentials, Kubeconfig, Talosconfig,
    };
}
