namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

public sealed record ClusterSecretStoreSpec(SecretStoreProvider Provider);
