using System.Globalization;
using System.Text.RegularExpressions;

namespace Tazlab.Stacks.Reading;

/// <summary>Parses durations written the way Vault and Go do (<c>24h</c>, <c>90d</c>, <c>1h30m</c>).</summary>
public static partial class DurationParser
{
    public const string Expected = "a duration such as 30m, 24h, 1h30m or 90d";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        try
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var value = long.Parse(part.Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture);
                duration += part.Value[^1] switch
                {
                    'd' => TimeSpan.FromDays(value),
                    'h' => TimeSpan.FromHours(value),
                    'm' => TimeSpan.FromMinutes(value),
                    _ => TimeSpan.FromSeconds(value),
                };
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }

        return true;
    }

    /// <summary>The shortest text that parses back to the same value (for plans and rendered files).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add($"{duration.Days}d");
        }

        if (duration.Hours > 0)
        {
            parts.Add($"{duration.Hours}h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add($"{duration.Minutes}m");
        }

        if (duration.Seconds > 0)
        {
            parts.Add($"{duration.Seconds}s");
        }

        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(?<part>[0-9]{1,9}[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
