using Tazlab.TailnetApi.Pruning;
using Tazlab.TestSupport.FakeTailscale;

namespace Tazlab.TailnetApi.Tests;

/// <summary>Whole runs against the fake tailnet: what the server saw deleted is exactly what the rules select.</summary>
public class DevicePrunerTests
{
    private static readonly PlatformDevices Prod = PlatformDevices.From(Stacks.Prod);

    private static PruneOptions Options(bool dryRun, bool includeOnline = false) => new(PruneOptions.DefaultOlderThan, includeOnline, dryRun);

    private static async Task<(FakeTailscaleServer Server, GhostScenario Scenario)> StartAsync()
    {
        var server = await FakeTailscaleServer.StartAsync();
        var scenario = new GhostScenario(Stacks.Prod);
        server.Add(scenario.All);
        return (server, scenario);
    }

    [Fact]
    public async Task Dry_run_selects_the_ghosts_and_deletes_nothing()
    {
        var (server, scenario) = await StartAsync();
        await using var _ = server;
        await using var api = ApiHarness.For(server);

        var result = await api.Pruner.RunAsync(Prod, Options(dryRun: true), CancellationToken.None);

        Assert.Empty(server.DeleteLog);
        Assert.Equal(scenario.All.Length, server.Devices.Count);
        Assert.Equal(scenario.ExpectedDeletions.Order(), result.Decisions.Where(d => d.Action == PruneAction.WouldDelete).Select(d => d.Device.Id).Order());
        Assert.Equal(scenario.Considered.Order(), result.Decisions.Select(d => d.Device.Id).Order());
        Assert.Equal(scenario.All.Length, result.DevicesListed);
        Assert.Equal(1, result.OutsideTailnet);
    }

    [Fact]
    public async Task A_real_run_deletes_exactly_the_ghosts()
    {
        var (server, scenario) = await StartAsync();
        await using var _ = server;
        await using var api = ApiHarness.For(server);

        var result = await api.Pruner.RunAsync(Prod, Options(dryRun: false), CancellationToken.None);

        Assert.Equal(scenario.ExpectedDeletions.Order(), server.DeleteLog.Order());
        Assert.Equal(scenario.ExpectedDeletions.Order(), result.Decisions.Where(d => d.Action == PruneAction.Deleted).Select(d => d.Device.Id).Order());
        Assert.False(result.AnyFailed);
        Assert.Contains(server.Devices, d => d.Id == scenario.LiveVault.Id);
        Assert.Contains(server.Devices, d => d.Id == scenario.ForeignLaptop.Id);
        Assert.Equal(scenario.All.Length - scenario.ExpectedDeletions.Length, server.Devices.Count);
    }

    [Fact]
    public async Task Including_online_devices_still_spares_the_online_holder_of_a_canonical_name()
    {
        var (server, scenario) = await StartAsync();
        await using var _ = server;
        await using var api = ApiHarness.For(server);

        await api.Pruner.RunAsync(Prod, Options(dryRun: false, includeOnline: true), CancellationToken.None);

        Assert.Equal(scenario.ExpectedDeletions.Append(scenario.LiveApiCopy.Id).Order(), server.DeleteLog.Order());
        Assert.DoesNotContain(scenario.LiveVault.Id, server.DeleteLog);
    }

    [Fact]
    public async Task A_failed_deletion_is_reported_and_the_others_still_happen()
    {
        var (server, scenario) = await StartAsync();
        await using var _ = server;
        // The first DELETE (the vault copy, listed first) finds the device gone; the operator's ghost cannot be deleted.
        server.Script(FakeRoute.DeleteDevice, FakeResponse.Error(404, "device not found"));
        server.FailDelete(scenario.GhostOperator.Id, FakeResponse.Error(400, "device is locked"));
        await using var api = ApiHarness.For(server);

        var result = await api.Pruner.RunAsync(Prod, Options(dryRun: false), CancellationToken.None);

        Assert.True(result.AnyFailed);
        var failed = Assert.Single(result.Decisions, d => d.Action == PruneAction.DeleteFailed);
        Assert.Equal(scenario.GhostOperator.Id, failed.Device.Id);
        Assert.Contains("HTTP 400: device is locked", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(scenario.ExpectedDeletions.Length - 1, result.Count(PruneAction.Deleted));
        var gone = Assert.Single(result.Decisions, d => d.Reason.EndsWith("already gone", StringComparison.Ordinal));
        Assert.Equal((scenario.GhostVaultCopy.Id, PruneAction.Deleted), (gone.Device.Id, gone.Action));
        Assert.Equal(scenario.ExpectedDeletions.Order(), server.DeleteLog.Order());
    }

    [Fact]
    public async Task A_listing_that_fails_deletes_nothing()
    {
        var (server, _) = await StartAsync();
        await using var __ = server;
        server.Always(FakeRoute.ListDevices, new FakeResponse(200, "{not json"));
        await using var api = ApiHarness.For(server);

        await Assert.ThrowsAsync<Client.TailscaleApiException>(() => api.Pruner.RunAsync(Prod, Options(dryRun: false), CancellationToken.None));

        Assert.Empty(server.DeleteLog);
    }
}
