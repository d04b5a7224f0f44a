using System.Globalization;
using Cronos;

namespace Tazlab.Stacks.Scheduling;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week, UTC) in the subset that both a
/// Kubernetes CronJob and a systemd timer can run: each field a list of <c>*</c>, <c>*/n</c>, <c>a</c> or <c>a-b</c>,
/// numbers only, and not both day fields restricted (cron ORs them, systemd ANDs them). Cronos computes the runs.
/// </summary>
public sealed class CronSchedule
{
    public const string Expected = "five cron fields (minute hour day-of-month month day-of-week) of *, */n, n or n-m lists, numbers only, e.g. \"0 3 * * *\" (03:00 UTC daily)";

    private static readonly (string Name, int Min, int Max)[] Fields =
    [
        ("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7),
    ];

    private readonly CronExpression _expression;

    private CronSchedule(string text, IReadOnlyList<IReadOnlyList<CronItem>> fields, CronExpression expression)
    {
        Text = text;
        FieldItems = fields;
        _expression = expression;
    }

    /// <summary>The expression as written (single spaces).</summary>
    public string Text { get; }

    /// <summary>Minute, hour, day of month, month, day of week: each a list of items.</summary>
    public IReadOnlyList<IReadOnlyList<CronItem>> FieldItems { get; }

    /// <summary>The schedule, or null with what is wrong with it.</summary>
    public static CronSchedule? Parse(string text, out string? problem)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            problem = $"has {parts.Length} fields";
            return null;
        }

        var fields = new List<IReadOnlyList<CronItem>>();
        for (var i = 0; i < parts.Length; i++)
        {
            var items = new List<CronItem>();
            foreach (var token in parts[i].Split(','))
            {
                if (ParseItem(token, Fields[i].Min, Fields[i].Max) is not { } item)
                {
                    problem = $"has a {Fields[i].Name} field '{parts[i]}' that is not a list of *, */n, n or n-m between {Fields[i].Min} and {Fields[i].Max}";
                    return null;
                }

                items.Add(item);
            }

            fields.Add(items);
        }

        if (!IsAny(fields[2]) && !IsAny(fields[4]))
        {
            problem = "restricts both the day of month and the day of week (cron runs on either, a systemd timer only on both)";
            return null;
        }

        var normalised = string.Join(' ', parts);
        if (!CronExpression.TryParse(normalised, CronFormat.Standard, out var expression))
        {
            problem = "is not a cron expression";
            return null;
        }

        problem = null;
        return new CronSchedule(normalised, fields, expression);
    }

    /// <summary>The runs in [<paramref name="from"/>, <paramref name="to"/>), in UTC.</summary>
    public IEnumerable<DateTime> Runs(DateTime from, DateTime to) =>
        _expression.GetOccurrences(DateTime.SpecifyKind(from, DateTimeKind.Utc), DateTime.SpecifyKind(to, DateTimeKind.Utc), fromInclusive: true, toInclusive: false);

    /// <summary>The shortest and the longest time between two runs, over a window long enough to see every weekday twice.</summary>
    public (TimeSpan Shortest, TimeSpan Longest) Gaps()
    {
        // A fixed Monday: the result depends on the expression alone. Months matter for month-restricted schedules,
        // so the window is a year and a week.
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var runs = Runs(start, start.AddDays(372)).ToList();
        if (runs.Count < 2)
        {
            return (TimeSpan.MaxValue, TimeSpan.MaxValue);
        }

        var gaps = runs.Zip(runs.Skip(1), (a, b) => b - a).ToList();
        return (gaps.Min(), gaps.Max());
    }

    public override string ToString() => Text;

    private static bool IsAny(IReadOnlyList<CronItem> items) => items.Count == 1 && items[0] is { IsAny: true, Step: null };

    private static CronItem? ParseItem(string token, int min, int max)
    {
        if (token == "*")
        {
            return new CronItem(min, max, null, IsAny: true);
        }

        if (token.StartsWith("*/", StringComparison.Ordinal))
        {
            return Number(token[2..], 1, max) is { } step ? new CronItem(min, max, step, IsAny: true) : null;
        }

        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return Number(token, min, max) is { } value ? new CronItem(value, value, null, IsAny: false) : null;
        }

        return Number(token[..dash], min, max) is { } first && Number(token[(dash + 1)..], min, max) is { } last && first <= last
            ? new CronItem(first, last, null, IsAny: false)
            : null;
    }

    private static int? Number(string text, int min, int max) =>
        text.Length is > 0 and <= 2 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var n && n >= min && n <= max ? n : null;
}
