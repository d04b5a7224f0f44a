using System.Globalization;
using Tazlab.Blueprint.Planning;
using Tazlab.Stacks.Scheduling;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ082: the schedule and retention are sane. A backup at least once a day (a longer gap loses more than a day
/// of secrets) and at most every 15 minutes (restic's lock and the storage's request charges); a retention that
/// keeps something (restic forget with no keep option would fail every run) and, with a warning, a week or more.
/// </summary>
public sealed class BackupScheduleRule : ISafetyRule
{
    public static readonly TimeSpan LongestGap = TimeSpan.FromDays(1);

    public static readonly TimeSpan ShortestGap = TimeSpan.FromMinutes(15);

    public string Id => "TZ082";

    public string Title => "Backups run at least daily and at most every 15 minutes, and the retention keeps at least a week";

    public string Fix => "Set tazlab:backupSchedule to a cron expression with runs between 15 minutes and 24 hours apart (e.g. \"0 3 * * *\"), and tazlab:backupKeepDaily to 7 or more.";

    public RuleResult Evaluate(PlanContext context)
    {
        var backup = context.Config.Backup;
        if (!backup.IsConfigured || CronSchedule.Parse(backup.Schedule, out _) is not { } schedule)
        {
            return RuleResult.Pass(this);
        }

        var failures = new List<string>();
        var (shortest, longest) = schedule.Gaps();
        if (longest > LongestGap)
        {
            failures.Add($"tazlab:backupSchedule '{schedule}' leaves up to {Describe(longest)} between backups: more than a day of changes could be lost");
        }

        if (shortest < ShortestGap)
        {
            failures.Add($"tazlab:backupSchedule '{schedule}' runs {Describe(shortest)} apart: a backup may still hold restic's lock when the next starts");
        }

        if (backup.KeepDaily + backup.KeepWeekly + backup.KeepMonthly == 0)
        {
            failures.Add("tazlab:backupKeepDaily, tazlab:backupKeepWeekly and tazlab:backupKeepMonthly are all 0: restic forget would have no policy");
        }

        if (failures.Count > 0)
        {
            return RuleResult.Fail(this, failures);
        }

        // How far back the snapshots reach: the longest of the daily, weekly and monthly windows.
        var reach = new[] { backup.KeepDaily, backup.KeepWeekly * 7, backup.KeepMonthly * 30 }.Max();
        return reach < 7
            ? RuleResult.Warn(this, [$"the retention reaches back {reach.ToString(CultureInfo.InvariantCulture)} day(s): a mistake noticed after that cannot be undone from backup"])
            : RuleResult.Pass(this);
    }

    private static string Describe(TimeSpan span) => span.TotalHours >= 1
        ? $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)}h"
        : $"{span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)}min";
}
