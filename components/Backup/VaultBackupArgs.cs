using Pulumi;
using Tazlab.Components.Wiring;
using VaultProvider = Pulumi.Vault.Provider;

namespace Tazlab.Components.Backup;

/// <summary>What the Vault VM's backups need: the owner's Vault provider, the VM (SSH on the tailnet), and the storage's secrets.</summary>
public sealed class VaultBackupArgs : PlatformPartArgs
{
    public required VaultProvider Provider { get; init; }

    public required Input<string> SshPrivateKey { get; init; }

    /// <summary>The Hetzner server's id: a new server gets the backup installed again.</summary>
    public required Output<string> ServerId { get; init; }

    public required BackupSecrets Secrets { get; init; }
}
