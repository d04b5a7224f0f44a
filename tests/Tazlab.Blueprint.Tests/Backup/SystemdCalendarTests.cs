using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Stacks.Scheduling;

namespace Tazlab.Blueprint.Tests.Backup;

/// <summary>
/// The Vault timer and the etcd CronJob run on one schedule: the OnCalendar= written from a cron expression elapses
/// at exactly the runs cron gives it, as systemd itself computes them (systemd-analyze calendar).
/// </summary>
public partial class SystemdCalendarTests
{
    private static readonly DateTime Base = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("0 3 * * *", "*-*-* 03:00:00 UTC")]
    [InlineData("*/15 * * * *", "*-*-* *:00/15:00 UTC")]
    [InlineData("30 2,14 * * *", "*-*-* 02,14:30:00 UTC")]
    [InlineData("0 1 * * 1-5", "Mon..Fri *-*-* 01:00:00 UTC")]
    [InlineData("0 4 * * 0", "Sun *-*-* 04:00:00 UTC")]
    [InlineData("0 4 * * 7", "Sun *-*-* 04:00:00 UTC")]
    [InlineData("0 4 * * 0-3", "Sun,Mon..Wed *-*-* 04:00:00 UTC")]
    [InlineData("5 0 1 * *", "*-*-01 00:05:00 UTC")]
    [InlineData("0 6-18 * * *", "*-*-* 06..18:00:00 UTC")]
    public void A_cron_schedule_becomes_the_calendar_event_systemd_reads(string cron, string onCalendar)
    {
        Assert.Equal(onCalendar, SystemdCalendar.From(Parse(cron)));
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("45 */6 * * *")]
    [InlineData("0 1 * * 1-5")]
    [InlineData("0 4 * * 0-3")]
    [InlineData("0 4 * * 5-7")]
    [InlineData("0 2 * * */2")]
    [InlineData("5 0 1,15 * *")]
    [InlineData("0 3 * 1-6 *")]
    public void Systemd_elapses_the_timer_at_the_same_times_cron_runs_the_job(string cron)
    {
        var schedule = Parse(cron);
        var expected = schedule.Runs(Base, Base.AddDays(400)).Take(12).ToList();

        Assert.Equal(expected, SystemdRuns(SystemdCalendar.From(schedule), expected.Count));
    }

    private static CronSchedule Parse(string cron) => CronSchedule.Parse(cron, out var problem) ?? throw new InvalidOperationException(problem);

    private static List<DateTime> SystemdRuns(string onCalendar, int count)
    {
        var start = new ProcessStartInfo("systemd-analyze", ["calendar", $"--iterations={count}", "--base-time=2026-01-04 23:59:59 UTC", onCalendar])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TZ"] = "UTC";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        // systemd-analyze counts from just after its base time: a second before cron's first possible run.
        return [.. Elapse().Matches(output).Select(m => DateTime.SpecifyKind(DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc))];
    }

    [GeneratedRegex(@"(?:Next elapse|Iter\. #\d+): \w{3} (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC")]
    private static partial Regex Elapse();
}
