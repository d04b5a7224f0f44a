using Tazlab.TailnetApi.Client;

namespace Tazlab.TailnetApi.Pruning;

/// <summary>
/// Lists the tailnet's devices, selects the platform's stale ones and deletes them one by one. A failed
/// deletion is recorded and the run goes on, so one stubborn device does not leave the others behind.
/// </summary>
public sealed class DevicePruner
{
    private readonly ITailscaleClient _client;
    private readonly TimeProvider _clock;

    public DevicePruner(ITailscaleClient client, TimeProvider clock)
    {
        _client = client;
        _clock = clock;
    }

    /// <exception cref="TailscaleApiException">Listing the devices failed; nothing was deleted.</exception>
    public async Task<PruneResult> RunAsync(PlatformDevices platform, PruneOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var devices = await _client.ListDevicesAsync(cancellationToken).ConfigureAwait(false);
        var selected = PruneSelector.Select(devices, platform, options, _clock.GetUtcNow());
        if (options.DryRun)
        {
            return selected;
        }

        var decisions = new List<PruneDecision>(selected.Decisions.Count);
        foreach (var decision in selected.Decisions)
        {
            if (decision.Action != PruneAction.WouldDelete)
            {
                decisions.Add(decision);
                continue;
            }

            try
            {
                var outcome = await _client.DeleteDeviceAsync(decision.Device.Id, cancellationToken).ConfigureAwait(false);
                var reason = outcome == DeleteOutcome.AlreadyGone ? decision.Reason + "; already gone" : decision.Reason;
                decisions.Add(decision with { Action = PruneAction.Deleted, Reason = reason });
            }
            catch (TailscaleApiException ex)
            {
                decisions.Add(decision with { Action = PruneAction.DeleteFailed, Reason = ex.Message });
            }
        }

        return selected with { Decisions = decisions };
    }
}
