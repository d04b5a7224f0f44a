using YamlDotNet.Serialization;

namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>
/// The #cloud-config document the Vault VM boots with (the keys this platform uses, in cloud-init's order of
/// effect): users, packages, files, then commands. Written by <see cref="CloudConfigWriter"/>.
/// </summary>
/// <param name="Users">cloud-init mixes the keyword <c>default</c> (keep the image's default user) with <see cref="CloudConfigUser"/> mappings.</param>
/// <param name="Runcmd">Run once, in order, by one shell script after packages and deferred files.</param>
public sealed record CloudConfig(
    [property: YamlMember(Description = "The vault system user exists before the deferred files are written, so Vault's key can be owned by it (the package's preinst keeps an existing user).")]
    IReadOnlyList<object> Users,
    bool PackageUpdate,
    [property: YamlMember(Description = "Needed to add the signed Tailscale and HashiCorp repositories below.")]
    IReadOnlyList<string> Packages,
    IReadOnlyList<CloudConfigFile> WriteFiles,
    [property: YamlMember(Description = "One script, stopped at the first failing command by 'set -eu'.")]
    IReadOnlyList<ShellCommand> Runcmd)
{
    /// <summary>The file written at <paramref name="path"/>, if any.</summary>
    public CloudConfigFile? File(string path) => WriteFiles.SingleOrDefault(f => f.Path == path);
}
