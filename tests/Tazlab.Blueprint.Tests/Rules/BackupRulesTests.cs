using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rules;

namespace Tazlab.Blueprint.Tests.Rules;

public class BackupRulesTests
{
    private static readonly Planning.Plan Prod = PlanFixture.Of("prod");

    [Theory]
    [InlineData("TZ080")]
    [InlineData("TZ081")]
    [InlineData("TZ082")]
    public void Committed_stacks_pass(string ruleId)
    {
        Assert.Equal(RuleStatus.Pass, Prod.Check(ruleId).Status);
        Assert.Equal(RuleStatus.Pass, PlanFixture.Of("dev").Check(ruleId).Status);
    }

    [Fact]
    public void TZ080_refuses_the_vault_owner_without_backups()
    {
        var plan = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:backupBucket", "\"\""));

        var result = plan.Check("TZ080");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["the stack owns Vault but tazlab:backupBucket is empty: nothing would bring Vault's secrets back after the VM is lost"], result.Messages);
        Assert.Empty(plan.Context.Rendering.Get<BackupRendering>().Files);
    }

    [Fact]
    public void TZ081_trips_on_a_backup_policy_that_can_do_more_than_take_snapshots()
    {
        var context = Prod.WithArea<BackupRendering>(r => r with
        {
            VaultPolicy = r.VaultPolicy! with { Paths = [.. r.VaultPolicy.Paths, new VaultPolicyPath("secret/*", ["read"])] },
        });

        var result = context.Evaluate("TZ081");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["policy tazlab-grant-vault-backup grants sys/storage/raft/snapshot [read]; secret/* [read]: the backup credential needs read on sys/storage/raft/snapshot and nothing else"], result.Messages);
    }

    [Fact]
    public void TZ081_trips_on_a_storage_key_written_into_the_job()
    {
        // Its own plan: the Kubernetes models are mutable, and the shared one must stay as rendered.
        var context = PlanFixture.Of("prod").WithArea<BackupRendering>(r =>
        {
            var pod = r.Etcd!.CronJob.Spec.JobTemplate.Spec.Template.Spec;
            var upload = pod.Containers.Single();
            upload.Env = [.. upload.Env.Where(e => e.Name != EtcdBackupManifests.PasswordKey), new k8s.Models.V1EnvVar { Name = EtcdBackupManifests.PasswordKey, Value = "hunter2" }];
            return r;
        });

        var result = context.Evaluate("TZ081");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["container upload sets RESTIC_PASSWORD other than from Secret etcd-backup-storage: the value would be in the manifest"], result.Messages);
    }

    [Fact]
    public void TZ081_trips_on_a_talos_account_with_more_than_the_backup_role()
    {
        var context = Prod.WithArea<BackupRendering>(r => r with
        {
            Files = [.. r.Files.Select(f => f.Path == BackupRendering.EtcdTalosAccountFile ? f with { Content = f.Content.Replace("- os:etcd:backup", "- os:etcd:backup\n        - os:admin", StringComparison.Ordinal) } : f)],
        });

        Assert.Equal(["the Talos ServiceAccount asks for [os:etcd:backup, os:admin]: the backup needs os:etcd:backup alone"], context.Evaluate("TZ081").Messages);
    }

    [Theory]
    [InlineData("\"0 3 * * 1\"", "leaves up to 168h between backups")]
    [InlineData("\"*/5 * * * *\"", "runs 5min apart")]
    public void TZ082_refuses_a_schedule_of_less_than_daily_or_more_than_every_15_minutes(string schedule, string message)
    {
        var result = PlanFixture.Of("prod", p => p.Set("prod", "tazlab:backupSchedule", schedule)).Check("TZ082");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(message, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void TZ082_refuses_a_retention_that_keeps_nothing_and_warns_on_one_shorter_than_a_week()
    {
        var none = PlanFixture.Of("prod", p =>
        {
            p.Set("prod", "tazlab:backupKeepDaily", "0");
            p.Set("prod", "tazlab:backupKeepWeekly", "0");
            p.Set("prod", "tazlab:backupKeepMonthly", "0");
        }).Check("TZ082");
        var short_ = PlanFixture.Of("prod", p =>
        {
            p.Set("prod", "tazlab:backupKeepDaily", "3");
            p.Set("prod", "tazlab:backupKeepWeekly", "0");
            p.Set("prod", "tazlab:backupKeepMonthly", "0");
        }).Check("TZ082");

        Assert.Equal(RuleStatus.Fail, none.Status);
        Assert.Contains("restic forget would have no policy", Assert.Single(none.Messages), StringComparison.Ordinal);
        Assert.Equal(RuleStatus.Warn, short_.Status);
        Assert.Equal(["the retention reaches back 3 day(s): a mistake noticed after that cannot be undone from backup"], short_.Messages);
    }
}
