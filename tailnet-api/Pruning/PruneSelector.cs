using Tazlab.Stacks.Reading;
using Tazlab.TailnetApi.Client;

namespace Tazlab.TailnetApi.Pruning;

/// <summary>
/// Decides, without side effects, which devices a run deletes. The rules, in order:
/// only devices of the stack's tailnet whose name stands for a platform device or that carry a platform tag
/// are considered; one without a platform tag is never deleted (a name alone can be anyone's laptop); the
/// online holder of a canonical name is never deleted; online devices only with <see cref="PruneOptions.IncludeOnline"/>;
/// offline devices only when last seen longer ago than <see cref="PruneOptions.OlderThan"/>.
/// </summary>
public static class PruneSelector
{
    public static PruneResult Select(IReadOnlyList<TailscaleDevice> devices, PlatformDevices platform, PruneOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(options);
        var decisions = new List<PruneDecision>();
        var outside = 0;
        foreach (var device in devices)
        {
            // Names are compared within the stack's tailnet only: another tailnet's "vault" is not ours.
            if (!platform.IsInTailnet(device.Domain))
            {
                outside++;
                continue;
            }

            var matched = platform.MatchName(device.FirstLabel);
            var platformTags = device.Tags.Where(platform.Tags.Contains).ToList();

            // Without one of the stack's names, only a tag no other stack uses makes a device this stack's:
            // `prune --stack dev` must never reach a prod device through a tag both stacks carry.
            if (matched is null && !platformTags.Any(platform.IsExclusiveTag))
            {
                continue;
            }

            decisions.Add(Decide(device, matched, platformTags, platform, options, now));
        }

        return new PruneResult(decisions, devices.Count, outside, options.DryRun);
    }

    private static PruneDecision Decide(TailscaleDevice device, string? matched, List<string> platformTags, PlatformDevices platform, PruneOptions options, DateTimeOffset now)
    {
        PruneDecision Keep(string reason) => new(device, matched, PruneAction.Kept, reason);

        if (platformTags.Count == 0)
        {
            return Keep("carries none of the platform's tags: never deleted");
        }

        var canonical = matched is not null && string.Equals(device.Name.TrimEnd('.'), platform.CanonicalName(matched), StringComparison.OrdinalIgnoreCase);
        var what = matched is null
            ? $"tagged {string.Join(", ", platformTags)}"
            : canonical ? $"holds the canonical name of {matched}" : $"suffixed copy of {matched}";

        // Unknown connection state counts as online: deleting a live device is the mistake to avoid.
        if (device.ConnectedToControl != false)
        {
            var online = device.ConnectedToControl is null ? "connection state unknown" : "online";
            if (canonical)
            {
                return Keep($"{online}; holds the canonical name {platform.CanonicalName(matched!)}: never deleted");
            }

            return options.IncludeOnline
                ? new PruneDecision(device, matched, PruneAction.WouldDelete, $"{online} (--include-online); {what}")
                : Keep($"{online}; {what} (--include-online deletes it)");
        }

        if (device.LastSeen is not { } lastSeen)
        {
            return Keep($"offline, never seen: no age to judge; {what}");
        }

        var age = now - lastSeen;
        if (age <= options.OlderThan)
        {
            return Keep($"offline for {Describe(age)}, not longer than {DurationParser.Format(options.OlderThan)}; {what}");
        }

        return new PruneDecision(device, matched, PruneAction.WouldDelete, $"offline for {Describe(age)}; {what}");
    }

    /// <summary>
    /// An age as precise as it is useful: seconds under an hour, minutes under a day, hours beyond
    /// (a clock skew into the future reads as 0s).
    /// </summary>
    public static string Describe(TimeSpan age)
    {
        if (age <= TimeSpan.Zero)
        {
            return DurationParser.Format(TimeSpan.Zero);
        }

        var unit = age >= TimeSpan.FromDays(1) ? TimeSpan.FromHours(1) : age >= TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(1);
        return DurationParser.Format(TimeSpan.FromTicks(age.Ticks / unit.Ticks * unit.Ticks));
    }
}
