using System.Globalization;
using Tazlab.Stacks.Scheduling;

namespace Tazlab.Blueprint.Rendering.Backup;

/// <summary>
/// A cron schedule as a systemd timer's <c>OnCalendar=</c> (systemd.time(7)): the same runs, in UTC. The cron subset
/// <see cref="CronSchedule"/> accepts maps field by field: <c>*/n</c> is <c>first/n</c>, <c>a-b</c> is <c>a..b</c>,
/// days of the week are names (cron's 0 and 7 are both Sunday).
/// </summary>
public static class SystemdCalendar
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static string From(CronSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var f = schedule.FieldItems;
        var minute = Numbers(f[0], 0);
        var hour = Numbers(f[1], 0);
        var day = Numbers(f[2], 1);
        var month = Numbers(f[3], 1);
        var weekdays = f[4] is [{ IsAny: true, Step: null }] ? null : Weekdays(f[4]);
        var date = $"*-{month}-{day}";
        var time = $"{hour}:{minute}:00";
        return weekdays is null ? $"{date} {time} UTC" : $"{weekdays} {date} {time} UTC";
    }

    private static string Numbers(IReadOnlyList<CronItem> items, int first) => string.Join(',', items.Select(item => item switch
    {
        { IsAny: true, Step: null } => "*",
        { IsAny: true, Step: { } step } => $"{Two(first)}/{step.ToString(CultureInfo.InvariantCulture)}",
        _ when item.First == item.Last => Two(item.First),
        _ => $"{Two(item.First)}..{Two(item.Last)}",
    }));

    private static string Weekdays(IReadOnlyList<CronItem> items) => string.Join(',', items.SelectMany(item => item switch
    {
        // */n over the week: each day it names.
        { IsAny: true, Step: { } step } => Enumerable.Range(0, 7).Where(d => d % step == 0).Select(d => DayNames[d]),
        _ when item.First == item.Last => [DayNames[item.First]],
        // A range that ends on cron's 7 (Sunday) is written as two parts: systemd's week runs Monday to Sunday.
        _ when item.First == 0 => [DayNames[0], .. Range(1, item.Last)],
        _ => Range(item.First, item.Last),
    }).Distinct());

    private static IEnumerable<string> Range(int first, int last) =>
        first > last ? [] : first == last ? [DayNames[first]] : [$"{DayNames[first]}..{DayNames[last]}"];

    private static string Two(int value) => value.ToString("00", CultureInfo.InvariantCulture);
}
