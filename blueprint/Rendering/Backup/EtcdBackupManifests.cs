using k8s.Models;
using Tazlab.Stacks.Model;
using static Tazlab.Blueprint.Rendering.Talos.TalosYaml;

namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>
/// The etcd backup as typed Kubernetes objects: its namespace, the shared restic scripts, and a CronJob whose init
/// container takes <c>talosctl etcd snapshot</c> through Talos' Kubernetes API access (a Talos ServiceAccount with
/// the <c>os:etcd:backup</c> role and nothing else, as siderolabs/talos-backup uses) and whose main container hands
/// the snapshot to restic. The storage's keys and the repository's password are only ever referenced, from the
/// Secret the Pulumi program creates.
/// </summary>
public sealed record EtcdBackupManifests(V1Namespace Namespace, V1ConfigMap Scripts, V1CronJob CronJob)
{
    /// <summary>The one Talos API role the job's ServiceAccount asks for.</summary>
    public const string TalosRole = "os:etcd:backup";

    public const string TalosServiceAccountApiVersion = "talos.dev/v1alpha1";

    /// <summary>The keys of <see cref="BackupPaths.EtcdCredentials"/>.</summary>
    public const string AccessKeyIdKey = "AWS_ACCESS_KEY_ID";

    public const string SecretAccessKeyKey = "AWS_SECRET_ACCESS_KEY";

    public const string PasswordKey = "RESTIC_PASSWORD";

    public const string SnapshotFile = "/backup/etcd.snap";

    public const string ScriptsDirectory = "/scripts";

    public const string UploadScriptKey = "snapshot-upload.sh";

    public const string RestoreScriptKey = "restore-download.sh";

    /// <summary>The talosctl image matches the cluster's Talos version, as the Talos API expects of its clients.</summary>
    public const string TalosctlRepository = "ghcr.io/siderolabs/talosctl";

    private const string BackupVolume = "backup";
    private const string CacheVolume = "restic-cache";
    private const string ScriptsVolume = "scripts";
    private const string TalosVolume = "talos-secrets";

    /// <summary>Every Kubernetes object, in the order they are applied.</summary>
    public IReadOnlyList<object> All => [Namespace, Scripts, CronJob];

    public static EtcdBackupManifests Build(StackConfig config, string repository, string uploadScript, string restoreScript)
    {
        var backup = config.Backup;
        var node = config.Talos.ControlPlane.First();
        return new EtcdBackupManifests(
            new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = BackupPaths.Namespace } },
            new V1ConfigMap
            {
                ApiVersion = "v1",
                Kind = "ConfigMap",
                Metadata = Meta(BackupPaths.EtcdScripts),
                Data = new Dictionary<string, string> { [UploadScriptKey] = uploadScript, [RestoreScriptKey] = restoreScript },
            },
            new V1CronJob
            {
                ApiVersion = "batch/v1",
                Kind = "CronJob",
                Metadata = Meta(BackupPaths.EtcdCronJob),
                Spec = new V1CronJobSpec
                {
                    Schedule = backup.Schedule,
                    TimeZone = "Etc/UTC",
                    // A snapshot still uploading when the next is due: the next waits rather than racing it for restic's lock.
                    ConcurrencyPolicy = "Forbid",
                    StartingDeadlineSeconds = 3600,
                    SuccessfulJobsHistoryLimit = 3,
                    FailedJobsHistoryLimit = 3,
                    JobTemplate = new V1JobTemplateSpec
                    {
                        Spec = new V1JobSpec
                        {
                            BackoffLimit = 2,
                            ActiveDeadlineSeconds = 3600,
                            Template = new V1PodTemplateSpec
                            {
                                Spec = PodSpec(config, node, repository),
                            },
                        },
                    },
                },
            });
    }

    /// <summary>The Talos ServiceAccount (a Talos CRD, not a KubernetesClient model): Talos answers it with a Secret of the same name holding a talosconfig for its roles.</summary>
    public static string TalosServiceAccountYaml() => Write(
    [
        Map(
            ("apiVersion", Scalar(TalosServiceAccountApiVersion)),
            ("kind", Scalar("ServiceAccount")),
            ("metadata", Map(("name", Scalar(BackupPaths.EtcdTalosAccount)), ("namespace", Scalar(BackupPaths.Namespace)))),
            ("spec", Map(("roles", Sequence([TalosRole]))))),
    ]);

    private static V1PodSpec PodSpec(StackConfig config, TalosNode node, string repository) => new()
    {
        RestartPolicy = "OnFailure",
        // The job needs no Kubernetes API token: Talos' credential comes as a mounted Secret.
        AutomountServiceAccountToken = false,
        SecurityContext = new V1PodSecurityContext { SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
        InitContainers =
        [
            new V1Container
            {
                Name = "etcd-snapshot",
                Image = $"{TalosctlRepository}:{config.Talos.TalosVersion}",
                Args =
                [
                    "--talosconfig", $"{BackupPaths.TalosSecretMount}/config",
                    "--nodes", node.Ip.ToString(),
                    "etcd", "snapshot", SnapshotFile,
                ],
                SecurityContext = Restricted(),
                VolumeMounts =
                [
                    new V1VolumeMount { Name = BackupVolume, MountPath = "/backup" },
                    new V1VolumeMount { Name = TalosVolume, MountPath = BackupPaths.TalosSecretMount, ReadOnlyProperty = true },
                ],
            },
        ],
        Containers =
        [
            new V1Container
            {
                Name = "upload",
                Image = config.Backup.ResticImage,
                Command = ["/bin/sh", $"{ScriptsDirectory}/{UploadScriptKey}", "etcd", SnapshotFile],
                Env =
                [
                    new V1EnvVar { Name = "RESTIC_REPOSITORY", Value = repository },
                    new V1EnvVar { Name = "RESTIC_CACHE_DIR", Value = "/cache" },
                    .. config.Backup.Region.Length > 0 ? [new V1EnvVar { Name = "AWS_DEFAULT_REGION", Value = config.Backup.Region }] : Array.Empty<V1EnvVar>(),
                    FromSecret(AccessKeyIdKey),
                    FromSecret(SecretAccessKeyKey),
                    FromSecret(PasswordKey),
                ],
                SecurityContext = Restricted(),
                VolumeMounts =
                [
                    new V1VolumeMount { Name = BackupVolume, MountPath = "/backup" },
                    new V1VolumeMount { Name = CacheVolume, MountPath = "/cache" },
                    new V1VolumeMount { Name = ScriptsVolume, MountPath = ScriptsDirectory, ReadOnlyProperty = true },
                ],
            },
        ],
        Volumes =
        [
            new V1Volume { Name = BackupVolume, EmptyDir = new V1EmptyDirVolumeSource() },
            new V1Volume { Name = CacheVolume, EmptyDir = new V1EmptyDirVolumeSource() },
            new V1Volume { Name = ScriptsVolume, ConfigMap = new V1ConfigMapVolumeSource { Name = BackupPaths.EtcdScripts } },
            new V1Volume { Name = TalosVolume, Secret = new V1SecretVolumeSource { SecretName = BackupPaths.EtcdTalosAccount } },
        ],
    };

    private static V1EnvVar FromSecret(string key) => new()
    {
        Name = key,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = BackupPaths.EtcdCredentials, Key = key } },
    };

    private static V1SecurityContext Restricted() => new()
    {
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };

    private static V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = BackupPaths.Namespace };
}
