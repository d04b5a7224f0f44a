using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>
/// External Secrets Operator's ClusterSecretStore (external-secrets.io/v1). KubernetesClient has no model for
/// this CRD, so this is a small typed record tree with the fields the platform sets.
/// </summary>
public sealed record ClusterSecretStore(string ApiVersion, string Kind, ManifestMetadata Metadata, ClusterSecretStoreSpec Spec)
{
    public const string Group = "external-secrets.io";
    public const string Version = "v1";

    [YamlIgnore]
    public VaultProvider Vault => Spec.Provider.Vault;
}
