using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Scheduling;

namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>
/// Renders the off-site backups of a stack with <c>tazlab:backupBucket</c>: on the stack that owns Vault, the VM's
/// snapshot script, units, install script and the backup credential's policy; on every such stack, the etcd job.
/// Each store has its own restic repository under the stack's prefix in the bucket.
/// </summary>
public static class BackupRenderer
{
    /// <summary>What the backup credential may do: take a raft snapshot, nothing else (Vault's docs for <c>vault operator raft snapshot save</c>).</summary>
    public const string SnapshotPath = "sys/storage/raft/snapshot";

    public const string FileMode = "0644";
    public const string ScriptMode = "0755";

    public static BackupRendering Render(RenderInput input)
    {
        var config = input.Config;
        var backup = config.Backup;
        if (!backup.IsConfigured || CronSchedule.Parse(backup.Schedule, out _) is not { } schedule)
        {
            return BackupRendering.NotConfigured;
        }

        var upload = BackupScripts.Upload(backup);
        var restore = BackupScripts.Restore();
        var etcdRepository = Repository(config, "etcd");
        var etcd = EtcdBackupManifests.Build(config, etcdRepository, upload, restore);
        var files = new List<RenderedFile>
        {
            new(BackupRendering.UploadFile, upload),
            new(BackupRendering.RestoreFile, restore),
            new(BackupRendering.EtcdManifestFile, KubernetesManifests.Write(etcd.All)),
            new(BackupRendering.EtcdTalosAccountFile, EtcdBackupManifests.TalosServiceAccountYaml()),
        };
        if (config.Ownership.VaultServer != PartOwnership.Own)
        {
            return new BackupRendering(true, null, null, etcdRepository, null, etcd, files);
        }

        var vaultRepository = Repository(config, "vault");
        var onCalendar = SystemdCalendar.From(schedule);
        var policy = Policy();
        var names = input.Names;
        var snapshot = BackupScripts.VaultSnapshot(config.Vault.ApiPort, names.VaultBackupService);
        var service = VaultBackupInstall.Service().Write();
        var timer = VaultBackupInstall.Timer(onCalendar).Write();
        var install = VaultBackupInstall.Script(vaultRepository, backup.Region, names.VaultBackupTimer,
        [
            (BackupPaths.UploadScript, ScriptMode, upload),
            (BackupPaths.RestoreScript, ScriptMode, restore),
            (BackupPaths.VaultSnapshotScript, ScriptMode, snapshot),
            ($"{BackupPaths.SystemdDirectory}/{names.VaultBackupService}", FileMode, service),
            ($"{BackupPaths.SystemdDirectory}/{names.VaultBackupTimer}", FileMode, timer),
        ]);
        files.AddRange(
        [
            new(BackupRendering.VaultSnapshotFile, snapshot),
            new(BackupRendering.VaultServiceFile, service),
            new(BackupRendering.VaultTimerFile, timer),
            new(BackupRendering.VaultInstallFile, install),
            new(BackupRendering.VaultPolicyFile, HclWriter.Write(policy.ToHcl())),
        ]);
        return new BackupRendering(true, policy, vaultRepository, etcdRepository, onCalendar, etcd, files);
    }

    /// <summary>The backup credential's policy, written by the owning stack's program (a <c>tazlab-grant-*</c> name it may manage).</summary>
    public static VaultPolicy Policy() => new(
        VaultAuthNames.VaultBackupCredential,
        [
            "Written by tazlab. The Vault VM's backup credential: it takes raft snapshots and can do nothing else;",
            "it logs in from the VM itself only (127.0.0.1).",
        ],
        [new VaultPolicyPath(SnapshotPath, ["read"])]);

    /// <summary>restic's S3 repository of one store: <c>s3:&lt;endpoint&gt;/&lt;bucket&gt;/&lt;stack&gt;/&lt;store&gt;</c>.</summary>
    public static string Repository(StackConfig config, string store) =>
        $"s3:{config.Backup.Endpoint.TrimEnd('/')}/{config.Backup.Bucket}/{config.StackName}/{store}";
}
