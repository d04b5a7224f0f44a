using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Pulumi.Kubernetes.Yaml.V2;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Components.Rendering;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;
using KubernetesSecretArgs = Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs;

namespace Tazlab.Components.Backup;

/// <summary>
/// The etcd backups: the rendered namespace, scripts, CronJob and Talos ServiceAccount (Talos answers it with the job's
/// talosconfig for <c>os:etcd:backup</c> alone), and the Secret with the storage's keys and the repository's password,
/// which only the job's environment references.
/// </summary>
public sealed class EtcdBackup : ComponentResource
{
    public const string TypeToken = "tazlab:backup:EtcdBackup";

    public const string Node = "etcd-backup";

    public EtcdBackup(string name, EtcdBackupArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var wiring = args.Wiring;
        var rendering = args.Rendering.Get<BackupRendering>();
        if (rendering.Etcd is null)
        {
            throw new ArgumentException("This stack renders no etcd backup.", nameof(args));
        }

        // No apply-time value in either file: the credentials are only referenced, from the Secret below.
        var manifests = ApplyTimeRendering.File(rendering, BackupRendering.EtcdManifestFile) + "---\n"
            + ApplyTimeRendering.File(rendering, BackupRendering.EtcdTalosAccountFile);
        var objects = wiring.Register(Node, new ConfigGroup("etcd-backup", new ConfigGroupArgs
        {
            Yaml = manifests,
        }, args.Cluster.ComponentOptions(this, wiring.DependenciesOf(Node))));

        var secrets = args.Secrets;
        // In the namespace the group creates; the job's first run is hours after an up, long after this exists.
        wiring.Register(Node, new KubernetesSecret(BackupPaths.EtcdCredentials, new KubernetesSecretArgs
        {
            Metadata = new ObjectMetaArgs { Name = BackupPaths.EtcdCredentials, Namespace = BackupPaths.Namespace },
            Type = "Opaque",
            StringData = Output.CreateSecret(Output.Tuple(secrets.AccessKeyId, secrets.SecretAccessKey, secrets.Password).Apply(t => ImmutableDictionary<string, string>.Empty
                .Add(EtcdBackupManifests.AccessKeyIdKey, t.Item1)
                .Add(EtcdBackupManifests.SecretAccessKeyKey, t.Item2)
                .Add(EtcdBackupManifests.PasswordKey, t.Item3))),
        }, args.Cluster.Options(this, wiring.DependenciesOf(Node, objects))));

        Repository = Output.Create(rendering.EtcdRepository ?? string.Empty);
        RegisterOutputs(new Dictionary<string, object?> { ["repository"] = Repository });
    }

    /// <summary>The restic repository of etcd's snapshots (no secret in it).</summary>
    [Output("repository")]
    public Output<string> Repository { get; }
}
