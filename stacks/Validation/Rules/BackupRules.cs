using Tazlab.Stacks.Model;
using Tazlab.Stacks.Scheduling;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>
/// Off-site backups: the bucket, endpoint and region, the schedule (a cron subset both a CronJob and a systemd timer
/// run), the retention and the restic image. Whether a stack must back up, and whether the schedule and retention are
/// sane, are safety rules (TZ080-TZ082); the credentials are checked with the other secrets before an up.
/// </summary>
internal sealed class BackupRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public const string BucketExpected = "an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit";

    public override void Check()
    {
        var backup = Config.Backup;
        if (CronSchedule.Parse(backup.Schedule, out var problem) is null)
        {
            Bag.Error(Key("backupSchedule"), $"'{Show(backup.Schedule)}' {problem}", CronSchedule.Expected);
        }

        if (!backup.IsConfigured)
        {
            return;
        }

        if (!IsBucketName(backup.Bucket))
        {
            Bag.Error(Key("backupBucket"), $"'{Show(backup.Bucket)}' is not a bucket name", BucketExpected);
        }

        if (!Uri.TryCreate(backup.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http") || endpoint.PathAndQuery != "/" || endpoint.UserInfo.Length > 0)
        {
            Bag.Error(Key("backupEndpoint"), backup.Endpoint.Length == 0 ? "is empty, but tazlab:backupBucket is set" : $"'{Show(backup.Endpoint)}' is not an object storage URL", "the storage's https URL with no path, e.g. https://fsn1.your-objectstorage.com");
        }
        else if (endpoint.Scheme == "http" && !endpoint.IsLoopback)
        {
            Bag.Error(Key("backupEndpoint"), $"'{Show(backup.Endpoint)}' is plain http: the storage's credentials would cross the network in clear", "an https URL");
        }

        if (backup.Region.Length > 0 && !backup.Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            Bag.Error(Key("backupRegion"), $"'{Show(backup.Region)}' is not a region name", "lower-case letters, digits and hyphens, e.g. fsn1 or eu-central-1, or empty");
        }

        Image("backupResticImage", backup.ResticImage);
    }

    private static bool IsBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && !name.Contains("..", StringComparison.Ordinal);
}
