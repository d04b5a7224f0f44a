namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>metadata of a cluster-scoped object.</summary>
public sealed record ManifestMetadata(string Name, IReadOnlyDictionary<string, string> Labels);
