using System.Text.RegularExpressions;
using Tazlab.Stacks.Loading;
using Tazlab.TestSupport;
using Tazlab.TestSupport.FakeTailscale;

namespace Tazlab.Cli.Tests;

/// <summary>
/// <c>tailnet prune</c> in-process against the fake Tailscale API on 127.0.0.1, reached through the same
/// environment variables a user sets. The table is checked row by row: a row starts with the device's name.
/// </summary>
public sealed partial class TailnetPruneCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempProject _project = TempProject.FromRepo();
    private FakeTailscaleServer _server = null!;
    private GhostScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTailscaleServer.StartAsync();
        // The repository's dev stack shares prod's proxy tag, so the unnamed proxy ghost is not prod's to delete.
        _scenario = new GhostScenario(StackLoader.Load(_project.Directory, "prod").Config!, proxyTagShared: true);
        _server.Add(_scenario.All);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _project.Dispose();

    private Dictionary<string, string> Environment() => new()
    {
        ["TAILSCALE_BASE_URL"] = _server.BaseUrl,
        ["TAILSCALE_OAUTH_CLIENT_ID"] = _server.ClientId,
        ["TAILSCALE_OAUTH_CLIENT_SECRET"] = _server.ClientSecret,
    };

    private CliRun Prune(params string[] extra) => Prune(Environment(), extra);

    private CliRun Prune(Dictionary<string, string> environment, params string[] extra)
    {
        var run = CliRun.WithEnvironment(_project.Directory, environment, ["tailnet", "prune", "--stack", "prod", .. extra]);
        Assert.DoesNotContain(_server.ClientSecret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        return run;
    }

    /// <summary>The table row of a device: the line that starts with its MagicDNS name.</summary>
    private static string? Row(CliRun run, FakeDevice device) =>
        run.Stdout.Split('\n').SingleOrDefault(line => line.TrimStart().StartsWith(device.Name + " ", StringComparison.Ordinal));

    /// <summary>The action column of a row: the one cell set apart by column gaps that holds an action word.</summary>
    private static string? ActionOf(string? row) =>
        row is null ? null : ActionCell().Match(row) is { Success: true } match ? match.Groups[1].Value : null;

    private string[] RowsWith(CliRun run, string action) =>
        [.. _scenario.All.Where(d => ActionOf(Row(run, d)) == action).Select(d => d.Id).Order()];

    [GeneratedRegex(@"\s{2}(kept|would delete|deleted|delete failed)\s{2}")]
    private static partial Regex ActionCell();

    [Fact]
    public void Dry_run_lists_exactly_the_ghosts_and_deletes_nothing()
    {
        var run = Prune("--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(_scenario.ExpectedDeletions.Order(), RowsWith(run, "would delete"));
        Assert.Equal(_scenario.Considered.Order(), _scenario.All.Where(d => Row(run, d) is not null).Select(d => d.Id).Order());
        Assert.All(_scenario.NotConsidered, d => Assert.DoesNotContain(d.Name, run.Stdout, StringComparison.Ordinal));
        Assert.Contains("Dry run: 3 would be deleted, 4 kept; nothing was deleted.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("holds the canonical name", Row(run, _scenario.LiveVault), StringComparison.Ordinal);
        Assert.Contains(" online ", Row(run, _scenario.LiveVault), StringComparison.Ordinal);
        Assert.Contains(" offline, 3h ago ", Row(run, _scenario.GhostVaultCopy), StringComparison.Ordinal);
        Assert.Equal("kept", ActionOf(Row(run, _scenario.UntaggedVaultCopy)));
        Assert.Empty(_server.DeleteLog);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public void A_real_run_deletes_exactly_the_ghosts()
    {
        var run = Prune();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(_scenario.ExpectedDeletions.Order(), _server.DeleteLog.Order());
        Assert.Equal(_scenario.ExpectedDeletions.Order(), RowsWith(run, "deleted"));
        Assert.Contains("3 deleted, 0 failed, 4 kept.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_than_and_include_online_widen_the_selection()
    {
        var run = Prune("--dry-run", "--older-than", "5m", "--include-online");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(_scenario.ExpectedDeletions.Append(_scenario.RecentlyOfflineNode.Id).Append(_scenario.LiveApiCopy.Id).Order(), RowsWith(run, "would delete"));
        Assert.Equal("kept", ActionOf(Row(run, _scenario.LiveVault)));
        Assert.Empty(_server.DeleteLog);
    }

    [Fact]
    public void Missing_credentials_exit_2_naming_the_variables_and_call_nothing()
    {
        var run = Prune(new Dictionary<string, string> { ["TAILSCALE_BASE_URL"] = _server.BaseUrl });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TAILSCALE_OAUTH_CLIENT_ID, TAILSCALE_OAUTH_CLIENT_SECRET, TAILSCALE_API_KEY: none is set", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_failing_delete_exits_1_and_the_other_ghosts_are_still_deleted()
    {
        _server.FailDelete(_scenario.GhostOperator.Id, FakeResponse.Error(400, "device is locked"));

        var run = Prune();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("delete failed", ActionOf(Row(run, _scenario.GhostOperator)));
        Assert.Equal([.. _scenario.ExpectedDeletions.Where(id => id != _scenario.GhostOperator.Id).Order()], RowsWith(run, "deleted"));
        Assert.Contains("device is locked", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(_scenario.ExpectedDeletions.Order(), _server.DeleteLog.Order());
        Assert.Contains("2 deleted, 1 failed, 4 kept.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_without_the_devices_scope_exit_2_with_the_scope_named()
    {
        _server.Always(FakeRoute.ListDevices, FakeResponse.Error(403, "calling actor does not have enough permissions"));

        var run = Prune("--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("devices:core", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was deleted.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Malformed_json_from_the_api_exits_1_with_a_clear_error()
    {
        _server.Always(FakeRoute.ListDevices, new FakeResponse(200, "{\"devices\": [{"));

        var run = Prune();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tailnet prune: list the tailnet's devices: the Tailscale API answered with malformed JSON", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.DeleteLog);
    }

    [Fact]
    public void Invalid_configuration_exits_2_with_the_diagnostics_and_calls_nothing()
    {
        _project.Set("prod", "tazlab:tailnetName", "not a tailnet");

        var run = Prune("--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tazlab:tailnetName", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("1y")]
    public void A_threshold_that_is_not_a_duration_exits_2(string value)
    {
        var run = Prune("--older-than", value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"--older-than: '{value}' is not a duration", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Tailnet_prune_is_listed_in_the_help()
    {
        var run = CliRun.Of(_project.Directory, "tailnet", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("prune", run.Stdout, StringComparison.Ordinal);
    }
}
