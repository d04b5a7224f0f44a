namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>A cloud-config <c>write_files</c> entry.</summary>
/// <param name="Owner"><c>user:group</c>.</param>
/// <param name="Permissions">Octal, as a string (e.g. <c>0600</c>).</param>
/// <param name="Defer">Write in cloud-init's final stage, after users and packages exist.</param>
public sealed record CloudConfigFile(string Path, string Content, string Owner, string Permissions, bool? Defer = null);
