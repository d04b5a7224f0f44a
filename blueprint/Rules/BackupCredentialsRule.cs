using k8s.Models;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ081: the backups' credentials are secrets, and each holder can do only what it needs. The Vault credential's
/// policy reads <c>sys/storage/raft/snapshot</c> and nothing else; the etcd job's Talos account has the
/// <c>os:etcd:backup</c> role alone, and Talos allows that role only from the job's namespace; the job takes the
/// storage's keys and the password from its Secret, never as literal values; the Vault VM's install script holds no
/// credential (they come on its stdin); the repositories are under the stack's own prefix.
/// </summary>
public sealed class BackupCredentialsRule : ISafetyRule
{
    private static readonly string[] SecretVariables =
    [
        EtcdBackupManifests.AccessKeyIdKey, EtcdBackupManifests.SecretAccessKeyKey, EtcdBackupManifests.PasswordKey,
    ];

    public string Id => "TZ081";

    public string Title => "Backup credentials are secrets and each can do only its part: Vault snapshots, etcd snapshots";

    public string Fix => "Keep the backup credential's policy to read on sys/storage/raft/snapshot, the Talos account to os:etcd:backup from tazlab-backup, the job's keys in secretKeyRef, and every credential off the install script (stdin only).";

    public RuleResult Evaluate(PlanContext context)
    {
        var backup = context.Rendering.Get<BackupRendering>();
        if (!backup.Configured)
        {
            return RuleResult.Pass(this);
        }

        var messages = new List<string>();
        var secrets = context.Config.Backup.Secrets;
        if (secrets.Any(s => s.IsSet) && secrets.Any(s => !s.IsSet))
        {
            messages.Add("only some of the backup secrets are set: " + string.Join(", ", secrets.Where(s => !s.IsSet).Select(s => s.Key)) + " missing");
        }

        if (backup.VaultPolicy is { } policy)
        {
            CheckPolicy(policy, messages);
            var install = backup.FileText(BackupRendering.VaultInstallFile);
            if (!install.Contains("IFS= read -r", StringComparison.Ordinal) || install.Contains("secure:", StringComparison.Ordinal) || install.Contains("<redacted:", StringComparison.Ordinal))
            {
                messages.Add($"{BackupRendering.VaultInstallFile} does not take the credentials from its stdin alone");
            }
        }

        if (backup.Etcd is { } etcd)
        {
            CheckJob(etcd.CronJob, messages);
        }

        CheckTalosAccess(context, messages);
        foreach (var repository in new[] { backup.VaultRepository, backup.EtcdRepository }.OfType<string>())
        {
            if (!repository.Contains($"/{context.Config.StackName}/", StringComparison.Ordinal))
            {
                messages.Add($"repository {repository} is not under the stack's own prefix: another stack's retention would prune it");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }

    private static void CheckPolicy(VaultPolicy policy, List<string> messages)
    {
        if (policy.Paths is not [{ Path: BackupRenderer.SnapshotPath, Capabilities: ["read"], AllowedParameters: null }])
        {
            var paths = string.Join("; ", policy.Paths.Select(p => $"{p.Path} [{string.Join(", ", p.Capabilities)}]"));
            messages.Add($"policy {policy.Name} grants {paths}: the backup credential needs read on {BackupRenderer.SnapshotPath} and nothing else");
        }
    }

    private static void CheckJob(V1CronJob job, List<string> messages)
    {
        var pod = job.Spec.JobTemplate.Spec.Template.Spec;
        foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
        {
            foreach (var variable in container.Env ?? [])
            {
                var secretName = variable.ValueFrom?.SecretKeyRef?.Name;
                if (SecretVariables.Contains(variable.Name) && (variable.Value is not null || secretName != BackupPaths.EtcdCredentials))
                {
                    messages.Add($"container {container.Name} sets {variable.Name} other than from Secret {BackupPaths.EtcdCredentials}: the value would be in the manifest");
                }
            }
        }

        var upload = pod.Containers.SingleOrDefault(c => c.Name == "upload");
        var missing = SecretVariables.Where(v => upload?.Env?.Any(e => e.Name == v) != true).ToList();
        if (missing.Count > 0)
        {
            messages.Add($"the upload container lacks {string.Join(", ", missing)}");
        }

        if (pod.AutomountServiceAccountToken != false)
        {
            messages.Add("the etcd backup pod mounts a Kubernetes API token it does not need");
        }
    }

    private static void CheckTalosAccess(PlanContext context, List<string> messages)
    {
        var account = context.Rendering.Files.SingleOrDefault(f => f.Path == BackupRendering.EtcdTalosAccountFile)?.Content ?? string.Empty;
        var roles = Rendering.Talos.TalosYaml.Read(account).Select(d => Rendering.Talos.TalosYaml.Find(d, "spec", "roles")).OfType<YamlDotNet.RepresentationModel.YamlSequenceNode>().SelectMany(s => s.Children).Select(n => n.ToString()).ToList();
        if (roles is not [EtcdBackupManifests.TalosRole])
        {
            messages.Add($"the Talos ServiceAccount asks for [{string.Join(", ", roles)}]: the backup needs {EtcdBackupManifests.TalosRole} alone");
        }

        foreach (var node in context.Config.Talos.ControlPlane)
        {
            var patch = context.Rendering.Files.SingleOrDefault(f => f.Path == Rendering.Talos.TalosRendering.NodeFile(node.Name))?.Content ?? string.Empty;
            var access = Rendering.Talos.TalosYaml.Read(patch).Select(d => Rendering.Talos.TalosYaml.Find(d, "machine", "features", "kubernetesTalosAPIAccess")).OfType<YamlDotNet.RepresentationModel.YamlMappingNode>().FirstOrDefault();
            var allowedRoles = Strings(access, "allowedRoles");
            var namespaces = Strings(access, "allowedKubernetesNamespaces");
            if (access is null || allowedRoles is not [EtcdBackupManifests.TalosRole] || namespaces is not [BackupPaths.Namespace])
            {
                messages.Add($"{node.Name}'s patch does not allow exactly {EtcdBackupManifests.TalosRole} from namespace {BackupPaths.Namespace} (machine.features.kubernetesTalosAPIAccess)");
            }
        }
    }

    private static List<string> Strings(YamlDotNet.RepresentationModel.YamlMappingNode? mapping, string key) =>
        mapping is not null && mapping.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(key), out var node) && node is YamlDotNet.RepresentationModel.YamlSequenceNode sequence
            ? sequence.Children.Select(n => n.ToString()).ToList()
            : [];
}
