namespace Tazlab.ClusterApi.Health;

/// <summary>
/// Looks at the cluster until it is healthy or the time is up, saying what it waits for whenever that changes
/// and at least every <see cref="WaitOptions.ReportEvery"/>.
/// </summary>
public sealed class ClusterHealthWaiter(IClusterProbe probe, TimeProvider clock)
{
    public async Task<ClusterHealth> WaitAsync(IReadOnlyList<string> expectedNodes, WaitOptions options, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var start = clock.GetUtcNow();
        var lastReport = DateTimeOffset.MinValue;
        string? lastState = null;
        while (true)
        {
            var health = await probe.ProbeAsync(expectedNodes, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var state = health.Describe();
            if (health.IsHealthy)
            {
                report($"healthy after {Elapsed(now - start)}: {state}");
                return health;
            }

            if (now - start >= options.Timeout)
            {
                return health;
            }

            if (state != lastState || now - lastReport >= options.ReportEvery)
            {
                report($"waiting ({Elapsed(now - start)} of {Elapsed(options.Timeout)}): {state}");
                lastState = state;
                lastReport = now;
            }

            await Task.Delay(options.Interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Elapsed(TimeSpan span) => span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{(int)span.TotalSeconds}s";
}
