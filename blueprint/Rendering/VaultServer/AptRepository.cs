using Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// A vendor's official apt repository, added the way the vendor documents it (a dedicated keyring and a
/// <c>signed-by</c> source line), with the downloaded key checked against the vendor's published fingerprint.
/// <c>$ID</c> and <c>$VERSION_CODENAME</c> come from /etc/os-release on the VM, so the image decides the suite.
/// </summary>
/// <param name="Name">File name stem of the keyring and the source list.</param>
/// <param name="KeyIsArmored">The key is ASCII-armored and must be dearmored for a keyring file.</param>
/// <param name="Url">Repository URL; the suite is the release codename, the component <c>main</c>.</param>
public sealed record AptRepository(string Name, string KeyUrl, bool KeyIsArmored, string Fingerprint, string Url)
{
    /// <summary>HashiCorp's repository (https://developer.hashicorp.com/vault/install) and its signing key.</summary>
    public static readonly AptRepository HashiCorp = new(
        "hashicorp",
        "https://apt.releases.hashicorp.com/gpg",
        KeyIsArmored: true,
        "798AEC654E5C15428C8E42EEAA16FCBCA621E701",
        "https://apt.releases.hashicorp.com");

    /// <summary>Tailscale's stable repository (https://tailscale.com/download/linux) and its signing key.</summary>
    public static readonly AptRepository Tailscale = new(
        "tailscale",
        "https://pkgs.tailscale.com/stable/$ID/$VERSION_CODENAME.noarmor.gpg",
        KeyIsArmored: false,
        "2596A99EAAB33821893C0A79458CA832957F5868",
        "https://pkgs.tailscale.com/stable/$ID");

    public string Keyring => $"/usr/share/keyrings/{Name}-archive-keyring.gpg";

    public string SourceList => $"/etc/apt/sources.list.d/{Name}.list";

    /// <summary>Download the key, check its fingerprint, write the source list.</summary>
    public IReadOnlyList<ShellCommand> AddCommands() =>
    [
        ShellCommand.Shell(KeyIsArmored
            ? $". /etc/os-release && curl -fsSL \"{KeyUrl}\" | gpg --dearmor --yes -o {Keyring}"
            : $". /etc/os-release && curl -fsSL -o {Keyring} \"{KeyUrl}\""),
        ShellCommand.Shell($"gpg --show-keys --with-colons {Keyring} | grep -q '^fpr:*{Fingerprint}:'"),
        ShellCommand.Shell($". /etc/os-release && echo \"deb [signed-by={Keyring}] {Url} $VERSION_CODENAME main\" > {SourceList}"),
    ];
}
