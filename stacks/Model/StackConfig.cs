namespace Tazlab.Stacks.Model;

/// <summary>
/// The whole validated configuration of one stack: the single source of truth that the dependency graph,
/// the rendered files and the Pulumi components are built from.
/// </summary>
public sealed record StackConfig(
    string ProjectName,
    string StackName,
    Ownership Ownership,
    TailnetConfig Tailnet,
    VaultServerConfig Vault,
    TalosClusterConfig Talos,
    CoreDnsConfig CoreDns,
    TailscaleOperatorConfig Operator,
    VaultKubernetesAuthConfig VaultAuth,
    ExternalSecretsConfig ExternalSecrets,
    BootstrapSecretsConfig BootstrapSecrets,
    BackupConfig Backup,
    IReadOnlyDictionary<string, TimeSpan> DurationEstimates);
