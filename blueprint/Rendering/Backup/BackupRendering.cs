using System.Text.Json;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>
/// The off-site backups as the stack renders them: the restic scripts shared by both stores, the Vault VM's
/// snapshot script, systemd units and install script, the backup credential's policy, and the etcd backup job.
/// A stack with no <c>tazlab:backupBucket</c> renders none of it.
/// </summary>
/// <param name="VaultPolicy">The backup credential's policy; null when the stack does not own Vault.</param>
/// <param name="OnCalendar">The Vault timer's OnCalendar=, null without Vault backups.</param>
/// <param name="Etcd">The etcd backup job's objects, null when backups are not configured.</param>
public sealed record BackupRendering(
    bool Configured,
    VaultPolicy? VaultPolicy,
    string? VaultRepository,
    string? EtcdRepository,
    string? OnCalendar,
    EtcdBackupManifests? Etcd,
    IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string UploadFile = "backup/snapshot-upload.sh";
    public const string RestoreFile = "backup/restore-download.sh";
    public const string VaultSnapshotFile = "backup/vault/vault-snapshot.sh";
    /// <summary>Installed as <see cref="Stacks.Naming.PlatformNames.VaultBackupService"/>.</summary>
    public const string VaultServiceFile = "backup/vault/backup.service";

    /// <summary>Installed as <see cref="Stacks.Naming.PlatformNames.VaultBackupTimer"/>.</summary>
    public const string VaultTimerFile = "backup/vault/backup.timer";
    public const string VaultInstallFile = "backup/vault/install-backup.sh";
    public const string VaultPolicyFile = "backup/vault/snapshot-policy.hcl";
    public const string EtcdManifestFile = "backup/etcd/etcd-backup.yaml";
    public const string EtcdTalosAccountFile = "backup/etcd/talos-service-account.yaml";

    public static readonly BackupRendering NotConfigured = new(false, null, null, null, null, null, []);

    public string Area => "backup";

    public string FileText(string path) =>
        Files.SingleOrDefault(f => f.Path == path)?.Content ?? throw new FormatException($"{path} is not rendered");

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteBoolean("configured", Configured);
        if (Configured)
        {
            json.WriteString("vaultRepository", VaultRepository);
            json.WriteString("etcdRepository", EtcdRepository);
            json.WriteString("vaultOnCalendar", OnCalendar);
        }

        json.WriteEndObject();
    }
}
