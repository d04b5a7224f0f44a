namespace Tazlab.Blueprint.Rendering.VaultAuth.ExternalSecrets;

/// <summary>One key of a Kubernetes Secret (ESO's SecretKeySelector).</summary>
public sealed record SecretKeySelector(string Name, string Key, string Namespace);
