namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>Where the backup's pieces live: on the Vault VM, and in the cluster.</summary>
public static class BackupPaths
{
    /// <summary>Root-only (0700): the backup credential, the storage's keys and the repositories' password.</summary>
    public const string CredentialDirectory = "/etc/tazlab/backup";

    public const string VaultEnvironmentFile = CredentialDirectory + "/vault.env";
    public const string VaultRoleIdFile = CredentialDirectory + "/vault-role-id";
    public const string VaultSecretIdFile = CredentialDirectory + "/vault-secret-id";
    public const string PasswordFile = CredentialDirectory + "/restic-password";

    public const string LibexecDirectory = "/usr/local/libexec/tazlab-backup";
    public const string UploadScript = LibexecDirectory + "/snapshot-upload.sh";
    public const string RestoreScript = LibexecDirectory + "/restore-download.sh";
    public const string VaultSnapshotScript = LibexecDirectory + "/vault-snapshot.sh";

    public const string SystemdDirectory = "/etc/systemd/system";

    /// <summary>systemd's StateDirectory= of the service: the last result, which the runbook checks.</summary>
    public const string StateDirectoryName = "tazlab-backup";

    public const string VaultStatusFile = "/var/lib/" + StateDirectoryName + "/vault.json";

    /// <summary>The host name every snapshot is recorded under, so retention and restores find them wherever they ran.</summary>
    public const string SnapshotHost = "tazlab";

    public const string Namespace = "tazlab-backup";
    public const string EtcdCronJob = "etcd-backup";
    public const string EtcdScripts = "etcd-backup-scripts";

    /// <summary>The Secret with the storage's keys and the repositories' password, created by the Pulumi program.</summary>
    public const string EtcdCredentials = "etcd-backup-storage";

    /// <summary>The Talos ServiceAccount; Talos creates a Secret of the same name holding its talosconfig.</summary>
    public const string EtcdTalosAccount = "etcd-backup-talos";

    public const string TalosSecretMount = "/var/run/secrets/talos.dev";
}
