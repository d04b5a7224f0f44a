using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ080: the stack that owns Vault backs it up. Vault's integrated storage lives on one VM, and its automatic
/// snapshots are an Enterprise feature (hashicorp/vault #10211): without these backups, losing the VM loses every
/// secret. The etcd backup comes with the same keys.
/// </summary>
public sealed class BackupConfiguredRule : ISafetyRule
{
    public string Id => "TZ080";

    public string Title => "The stack that owns Vault backs up Vault and etcd off-site";

    public string Fix => "Set tazlab:backupBucket, tazlab:backupEndpoint (and tazlab:backupRegion), and the secrets tazlab:backupAccessKeyId, tazlab:backupSecretAccessKey and tazlab:backupPassword (docs/runbook.md, Backups).";

    public RuleResult Evaluate(PlanContext context)
    {
        if (context.Config.Ownership.VaultServer != PartOwnership.Own)
        {
            return RuleResult.Pass(this);
        }

        var backup = context.Rendering.Get<BackupRendering>();
        var messages = new List<string>();
        if (!backup.Configured)
        {
            messages.Add("the stack owns Vault but tazlab:backupBucket is empty: nothing would bring Vault's secrets back after the VM is lost");
        }
        else
        {
            if (backup.VaultPolicy is null || backup.OnCalendar is null)
            {
                messages.Add("backups are configured but no Vault snapshot is rendered");
            }

            if (backup.Etcd is null)
            {
                messages.Add("backups are configured but no etcd backup job is rendered");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
