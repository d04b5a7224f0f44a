using System.Collections.Immutable;
using Tazlab.Blueprint.Rendering;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Infra.Tests.Engine;
using Tazlab.Infra.Tests.Lifecycle;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Naming;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests;

/// <summary>The backups as the program registers them: the rendered files, the credentials as secrets, each holder's own.</summary>
public class BackupTests
{
    private const string AppRoleRole = "vault:appRole/authBackendRole:AuthBackendRole";
    private const string AppRoleSecretId = "vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId";

    private static readonly Lazy<Task<ProgramRun>> Prod = new(() => ProgramRun.Of("prod"));

    private static PlatformRendering Offline(ProgramRun run) => run.Deployment!.Plan.Context.Rendering;

    [Fact]
    public async Task The_vault_backup_credential_takes_snapshots_only_and_logs_in_from_the_vm_alone()
    {
        var run = await Prod.Value;

        var policy = run.Mocks.Single(Policy, VaultAuthNames.VaultBackupCredential);
        Assert.Equal(Offline(run).Get<BackupRendering>().FileText(BackupRendering.VaultPolicyFile), policy.Inputs["policy"]);
        var role = run.Mocks.Single(AppRoleRole, VaultAuthNames.VaultBackupCredential);
        Assert.Equal([VaultAuthNames.VaultBackupCredential], ((ImmutableArray<object>)role.Inputs["tokenPolicies"]).Cast<string>());
        Assert.Equal(["127.0.0.1/32"], ((ImmutableArray<object>)role.Inputs["tokenBoundCidrs"]).Cast<string>());
        Assert.Equal(["127.0.0.1/32"], ((ImmutableArray<object>)role.Inputs["secretIdBoundCidrs"]).Cast<string>());
        Assert.Equal(true, role.Inputs["tokenNoDefaultPolicy"]);
        Assert.Contains("roleId", run.Single(AppRoleRole, VaultAuthNames.VaultBackupCredential).Custom.AdditionalSecretOutputs);
        Assert.Contains(run.Single(Policy, VaultAuthNames.VaultBackupCredential).Resource, await run.Single(AppRoleRole, VaultAuthNames.VaultBackupCredential).DependsOnAsync());
    }

    [Fact]
    public async Task The_install_runs_the_rendered_script_over_ssh_with_every_credential_on_a_secret_stdin_on_every_new_server()
    {
        var run = await Prod.Value;

        var install = run.Mocks.Single(RemoteCommand, "vault-backup");
        var script = Offline(run).Get<BackupRendering>().FileText(BackupRendering.VaultInstallFile);
        Assert.Equal(script, install.Inputs["create"]);
        Assert.Equal(script, install.Inputs["update"]);
        Assert.Equal(VaultBackupInstall.UninstallCommand("tazlab-vault-backup.timer"), install.Inputs["delete"]);
        var connection = (ImmutableDictionary<string, object>)install.Inputs["connection"];
        Assert.Equal(run.Deployment!.Plan.Context.Names.VaultFqdn, connection["host"]);
        // The role id, the secret id, the storage's keys and the password, in the order the script reads them.
        var stdin = ((string)install.Inputs["stdin"]).Split('\n');
        Assert.Equal(
            [
                $"{ProgramRun.Marker}-grant-role-id-{VaultAuthNames.VaultBackupCredential}",
                $"{ProgramRun.Marker}-grant-secret-id-{VaultAuthNames.VaultBackupCredential}",
                $"{ProgramRun.Marker}:tazlab:backupAccessKeyId",
                $"{ProgramRun.Marker}:tazlab:backupSecretAccessKey",
                $"{ProgramRun.Marker}:tazlab:backupPassword",
                string.Empty,
            ],
            stdin);
        var captured = (Pulumi.Command.Remote.CommandArgs)run.Single(RemoteCommand, "vault-backup").Args;
        Assert.True(await Pulumi.Output.IsSecretAsync<string>(captured.Stdin!));
        Assert.DoesNotContain(ProgramRun.Marker, script, StringComparison.Ordinal);
        // A new server (a lost VM's replacement) gets the backup again: the install's trigger is the server's id.
        Assert.Equal([run.Mocks.Ids[(Server, "server")]], ((ImmutableArray<object>)install.Inputs["triggers"]).Cast<string>());
        var after = await run.Single(RemoteCommand, "vault-backup").DependsOnAsync();
        Assert.Contains(run.Single(AppRoleSecretId, VaultAuthNames.VaultBackupCredential).Resource, after);
        Assert.Contains(run.Single(RemoteCommand, "vault-init").Resource, after);
    }

    [Fact]
    public async Task The_etcd_backup_applies_the_rendered_objects_and_its_secret_holds_the_storage_credentials_as_a_secret()
    {
        var run = await Prod.Value;

        var rendering = Offline(run).Get<BackupRendering>();
        var group = run.Mocks.Single(ConfigGroup, "etcd-backup");
        Assert.Equal(rendering.FileText(BackupRendering.EtcdManifestFile) + "---\n" + rendering.FileText(BackupRendering.EtcdTalosAccountFile), group.Inputs["yaml"]);
        var secret = run.Mocks.Single(Secret, BackupPaths.EtcdCredentials);
        var data = (ImmutableDictionary<string, object>)secret.Inputs["stringData"];
        Assert.Equal($"{ProgramRun.Marker}:tazlab:backupAccessKeyId", data[EtcdBackupManifests.AccessKeyIdKey]);
        Assert.Equal($"{ProgramRun.Marker}:tazlab:backupSecretAccessKey", data[EtcdBackupManifests.SecretAccessKeyKey]);
        Assert.Equal($"{ProgramRun.Marker}:tazlab:backupPassword", data[EtcdBackupManifests.PasswordKey]);
        Assert.Equal(BackupPaths.Namespace, ((ImmutableDictionary<string, object>)secret.Inputs["metadata"])["namespace"]);
        var captured = (Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs)run.Single(Secret, BackupPaths.EtcdCredentials).Args;
        Assert.True(await Pulumi.Output.IsSecretAsync<ImmutableDictionary<string, string>>(captured.StringData));
        Assert.Contains(run.Single(ConfigGroup, "etcd-backup").Resource, await run.Single(Secret, BackupPaths.EtcdCredentials).DependsOnAsync());
        Assert.DoesNotContain(ProgramRun.Marker, (string)group.Inputs["yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_without_a_backup_bucket_registers_no_backup_and_asks_for_no_backup_secret()
    {
        var run = await ProgramRun.Of("dev");

        Assert.DoesNotContain(run.Captured, c => c.Type.StartsWith("tazlab:backup:", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Mocks.OfType(ConfigGroup), g => g.Name == "etcd-backup");
        run.Secrets.Verify(s => s.Require("tazlab:backupPassword"), Moq.Times.Never());
    }

    [Fact]
    public async Task Changing_the_schedule_updates_the_vault_install_and_the_etcd_job_and_nothing_else()
    {
        var before = RegistrationSnapshot.Of(await Prod.Value);
        var after = RegistrationSnapshot.Of(await ProgramRun.Of("prod", s => ProgramRun.With(s, "tazlab:backupSchedule", new ConfigScalar("30 2 * * *")), null));

        var (added, removed, changed) = before.Compare(after);
        Assert.Empty(added);
        Assert.Empty(removed);
        Assert.Equal([(RemoteCommand, "vault-backup"), (ConfigGroup, "etcd-backup")], changed);
    }
}
