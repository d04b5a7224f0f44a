using k8s.Models;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Blueprint.Rendering.Kubernetes;
using Tazlab.Blueprint.Rendering.Talos;

namespace Tazlab.Blueprint.Tests.Backup;

/// <summary>The rendered backup files, read back like every other rendered file.</summary>
public class BackupRenderingTests
{
    private static readonly Planning.Plan Prod = PlanFixture.Of("prod");

    private static BackupRendering Rendering => Prod.Context.Rendering.Get<BackupRendering>();

    [Fact]
    public void Prod_renders_the_vault_and_etcd_backups_into_their_own_repositories_under_the_stacks_prefix()
    {
        Assert.True(Rendering.Configured);
        Assert.Equal("s3:https://fsn1.your-objectstorage.com/tazlab-backups/prod/vault", Rendering.VaultRepository);
        Assert.Equal("s3:https://fsn1.your-objectstorage.com/tazlab-backups/prod/etcd", Rendering.EtcdRepository);
        Assert.Equal(
            new[]
            {
                BackupRendering.EtcdManifestFile, BackupRendering.EtcdTalosAccountFile, BackupRendering.RestoreFile, BackupRendering.UploadFile,
                BackupRendering.VaultInstallFile, BackupRendering.VaultPolicyFile, BackupRendering.VaultServiceFile, BackupRendering.VaultTimerFile, BackupRendering.VaultSnapshotFile,
            }.Order(StringComparer.Ordinal),
            Rendering.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dev_has_no_bucket_and_renders_no_backup()
    {
        var dev = PlanFixture.Of("dev").Context.Rendering.Get<BackupRendering>();

        Assert.False(dev.Configured);
        Assert.Empty(dev.Files);
    }

    [Fact]
    public void The_cronjob_reads_back_and_runs_on_the_stacks_schedule_in_utc_one_at_a_time()
    {
        var objects = KubernetesManifests.Read(Rendering.FileText(BackupRendering.EtcdManifestFile));

        var job = Assert.Single(objects.OfType<V1CronJob>());
        Assert.Equal("0 3 * * *", job.Spec.Schedule);
        Assert.Equal("Etc/UTC", job.Spec.TimeZone);
        Assert.Equal("Forbid", job.Spec.ConcurrencyPolicy);
        var pod = job.Spec.JobTemplate.Spec.Template.Spec;
        Assert.Equal("ghcr.io/siderolabs/talosctl:v1.12.0", Assert.Single(pod.InitContainers).Image);
        Assert.Equal("docker.io/restic/restic:0.18.1", Assert.Single(pod.Containers).Image);
        Assert.Equal(BackupPaths.EtcdTalosAccount, pod.Volumes.Single(v => v.Secret is not null).Secret.SecretName);
        var scripts = Assert.Single(objects.OfType<V1ConfigMap>());
        Assert.Equal(Rendering.FileText(BackupRendering.UploadFile), scripts.Data[EtcdBackupManifests.UploadScriptKey]);
        Assert.Equal(BackupPaths.Namespace, scripts.Metadata.NamespaceProperty);
        Assert.Equal(BackupPaths.Namespace, job.Metadata.NamespaceProperty);
        Assert.Equal(BackupPaths.Namespace, Assert.Single(objects.OfType<V1Namespace>()).Metadata.Name);
    }

    [Fact]
    public void The_control_plane_nodes_allow_the_backup_role_from_the_backup_namespace_and_workers_nothing()
    {
        foreach (var node in Prod.Context.Config.Talos.Nodes)
        {
            var patch = TalosYaml.Read(Prod.File(TalosRendering.NodeFile(node.Name)))[0];
            var access = TalosYaml.Find(patch, "machine", "features", "kubernetesTalosAPIAccess");
            if (node.Role == Stacks.Model.NodeRole.ControlPlane)
            {
                Assert.Equal("true", TalosYaml.String(patch, "machine", "features", "kubernetesTalosAPIAccess", "enabled"));
            }
            else
            {
                Assert.Null(access);
            }
        }
    }

    [Fact]
    public void The_timer_fires_on_the_schedule_persistently_and_the_service_fails_visibly()
    {
        var timer = Directives(Rendering.FileText(BackupRendering.VaultTimerFile));
        var service = Directives(Rendering.FileText(BackupRendering.VaultServiceFile));

        Assert.Contains(("Timer", "OnCalendar", "*-*-* 03:00:00 UTC"), timer);
        Assert.Contains(("Timer", "Persistent", "true"), timer);
        Assert.Contains(("Install", "WantedBy", "timers.target"), timer);
        Assert.Contains(("Service", "Type", "oneshot"), service);
        Assert.Contains(("Service", "ExecStart", BackupPaths.VaultSnapshotScript), service);
        Assert.Contains(("Service", "EnvironmentFile", BackupPaths.VaultEnvironmentFile), service);
        Assert.Contains(("Service", "PrivateTmp", "yes"), service);
    }

    /// <summary>A unit file read the way systemd reads it: [Section] headers, Key=Value lines, # comments.</summary>
    private static List<(string Section, string Key, string Value)> Directives(string unit)
    {
        var directives = new List<(string, string, string)>();
        var section = string.Empty;
        foreach (var line in unit.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"not a directive: {line}");
            directives.Add((section, line[..equals], line[(equals + 1)..]));
        }

        return directives;
    }

    [Fact]
    public void The_install_script_installs_every_file_it_names_verbatim_and_holds_no_credential()
    {
        var install = Rendering.FileText(BackupRendering.VaultInstallFile);

        foreach (var (path, file) in new[]
        {
            (BackupPaths.UploadScript, BackupRendering.UploadFile), (BackupPaths.RestoreScript, BackupRendering.RestoreFile),
            (BackupPaths.VaultSnapshotScript, BackupRendering.VaultSnapshotFile),
            ($"{BackupPaths.SystemdDirectory}/tazlab-vault-backup.service", BackupRendering.VaultServiceFile),
            ($"{BackupPaths.SystemdDirectory}/tazlab-vault-backup.timer", BackupRendering.VaultTimerFile),
        })
        {
            Assert.Contains($"cat > {path}.partial <<'TAZLAB_BACKUP_FILE'\n{Rendering.FileText(file)}TAZLAB_BACKUP_FILE\n", install, StringComparison.Ordinal);
        }

        Assert.Contains("systemctl enable --now tazlab-vault-backup.timer", install, StringComparison.Ordinal);
        Assert.DoesNotContain("secure:", install, StringComparison.Ordinal);
        Assert.Equal(5, install.Split('\n').Count(l => l.StartsWith("IFS= read -r line", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_retention_leaves_out_a_zero_count()
    {
        var backup = Prod.Context.Config.Backup with { KeepWeekly = 0 };

        Assert.Equal("--keep-daily 7 --keep-monthly 6", BackupScripts.Retention(backup));
    }
}
