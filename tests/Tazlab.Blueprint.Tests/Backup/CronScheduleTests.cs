using Tazlab.Stacks.Scheduling;

namespace Tazlab.Blueprint.Tests.Backup;

public class CronScheduleTests
{
    [Theory]
    [InlineData("0 3 * *", "has 4 fields")]
    [InlineData("0 3 * * MON", "day of week field")]
    [InlineData("60 3 * * *", "minute")]
    [InlineData("0 3 1-40 * *", "day of month")]
    [InlineData("0 3 5-1 * *", "day of month")]
    [InlineData("0 3 1 * 1", "both the day of month and the day of week")]
    [InlineData("0 3 L * *", "day of month")]
    [InlineData("@daily", "has 1 fields")]
    public void What_a_timer_and_a_cronjob_cannot_both_run_is_refused_with_the_reason(string text, string problem)
    {
        Assert.Null(CronSchedule.Parse(text, out var reason));
        Assert.Contains(problem, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 3 * * *", 24 * 60, 24 * 60)]
    [InlineData("*/15 * * * *", 15, 15)]
    [InlineData("0 2,14 * * *", 12 * 60, 12 * 60)]
    [InlineData("0 1 * * 1-5", 24 * 60, 3 * 24 * 60)]
    public void The_gaps_between_runs_are_measured_over_a_year(string text, int shortestMinutes, int longestMinutes)
    {
        var (shortest, longest) = CronSchedule.Parse(text, out _)!.Gaps();

        Assert.Equal(TimeSpan.FromMinutes(shortestMinutes), shortest);
        Assert.Equal(TimeSpan.FromMinutes(longestMinutes), longest);
    }
}
