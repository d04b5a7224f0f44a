using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Model;

/// <summary>
/// Off-site backups of the platform's two irreplaceable stores, Vault's integrated storage and the cluster's etcd:
/// encrypted restic repositories in S3-compatible object storage, one per store under the stack's own prefix.
/// </summary>
/// <param name="Bucket">The bucket; empty means backups are not configured.</param>
/// <param name="Endpoint">The object storage's URL, e.g. https://fsn1.your-objectstorage.com.</param>
/// <param name="Region">The region restic signs requests for; empty lets restic ask the endpoint.</param>
/// <param name="Schedule">When backups run: a five-field cron expression in UTC.</param>
/// <param name="KeepDaily">How many daily snapshots the retention keeps (restic forget --keep-daily).</param>
/// <param name="KeepWeekly">Weekly snapshots kept.</param>
/// <param name="KeepMonthly">Monthly snapshots kept.</param>
/// <param name="ResticImage">The restic image of the etcd backup job (the Vault VM uses Debian's restic package).</param>
/// <param name="AccessKeyId">The object storage's access key (a stack secret).</param>
/// <param name="SecretAccessKey">Its secret key (a stack secret).</param>
/// <param name="Password">The restic repositories' password, which encrypts every snapshot (a stack secret).</param>
public sealed record BackupConfig(
    string Bucket,
    string Endpoint,
    string Region,
    string Schedule,
    int KeepDaily,
    int KeepWeekly,
    int KeepMonthly,
    string ResticImage,
    SecretReference AccessKeyId,
    SecretReference SecretAccessKey,
    SecretReference Password)
{
    public bool IsConfigured => Bucket.Length > 0;

    /// <summary>The stack secrets a configured backup needs.</summary>
    public IReadOnlyList<SecretReference> Secrets => [AccessKeyId, SecretAccessKey, Password];
}
