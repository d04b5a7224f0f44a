namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>A user cloud-init creates (the cloud-config <c>users</c> entry).</summary>
public sealed record CloudConfigUser(string Name, bool System, string Homedir, bool NoCreateHome, string Shell);
