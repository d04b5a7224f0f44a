namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>One service account (ESO's ServiceAccountSelector; a ClusterSecretStore names its namespace).</summary>
public sealed record ServiceAccountSelector(string Name, string Namespace);
