using Tazlab.TailnetApi.Client;
using Tazlab.TailnetApi.Pruning;

namespace Tazlab.TailnetApi.Tests;

/// <summary>The selection rules on their own: which devices a run would delete, and why the others stay.</summary>
public class PruneSelectorTests
{
    private const string Tailnet = "example.ts.net";
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PlatformDevices Platform = new(Tailnet, ["vault", "k8s-api"], ["tag:vault", "tag:k8s"], []);
    private static readonly PruneOptions Default = new(PruneOptions.DefaultOlderThan, IncludeOnline: false, DryRun: true);

    private static TailscaleDevice Device(string label, bool? online, TimeSpan? ago, params string[] tags) =>
        new(label + "-id", "n" + label, $"{label}.{Tailnet}", label.Split('-')[0], tags, online, ago is { } a ? Now - a : null);

    private static PruneDecision? Decide(TailscaleDevice device, PruneOptions? options = null) =>
        PruneSelector.Select([device], Platform, options ?? Default, Now).Decisions.SingleOrDefault();

    [Fact]
    public void A_foreign_device_is_not_considered()
    {
        Assert.Null(Decide(Device("laptop", false, TimeSpan.FromDays(9))));
        Assert.Null(Decide(Device("printer", false, TimeSpan.FromDays(9), "tag:printers")));
    }

    [Fact]
    public void A_lookalike_name_is_not_a_platform_device()
    {
        Assert.Null(Decide(Device("vault-other", false, TimeSpan.FromDays(9))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_device_without_a_platform_tag_is_never_deleted_whatever_its_name(bool includeOnline)
    {
        var decision = Decide(Device("vault-1", false, TimeSpan.FromDays(9), "tag:printers"), Default with { IncludeOnline = includeOnline });

        Assert.NotNull(decision);
        Assert.Equal(PruneAction.Kept, decision.Action);
        Assert.Equal("vault", decision.MatchedName);
        Assert.Contains("none of the platform's tags", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_offline_suffixed_copy_older_than_the_threshold_is_deleted()
    {
        var decision = Decide(Device("vault-1", false, TimeSpan.FromHours(3), "tag:vault"));

        Assert.Equal(PruneAction.WouldDelete, decision!.Action);
        Assert.Equal("offline for 3h; suffixed copy of vault", decision.Reason);
    }

    [Fact]
    public void An_offline_ghost_holding_the_canonical_name_is_deleted()
    {
        var decision = Decide(Device("vault", false, TimeSpan.FromHours(2), "tag:vault"));

        Assert.Equal(PruneAction.WouldDelete, decision!.Action);
        Assert.Equal("offline for 2h; holds the canonical name of vault", decision.Reason);
    }

    [Fact]
    public void A_tagged_device_with_another_name_is_deleted_by_its_tag()
    {
        var decision = Decide(Device("monitoring-grafana", false, TimeSpan.FromHours(2), "tag:k8s", "tag:other"));

        Assert.Equal(PruneAction.WouldDelete, decision!.Action);
        Assert.Null(decision.MatchedName);
        Assert.Equal("offline for 2h; tagged tag:k8s", decision.Reason);
    }

    [Fact]
    public void An_offline_device_seen_within_the_threshold_is_kept()
    {
        var device = Device("vault-1", false, TimeSpan.FromMinutes(59), "tag:vault");

        Assert.Equal(PruneAction.Kept, Decide(device)!.Action);
        Assert.Equal(PruneAction.WouldDelete, Decide(device, Default with { OlderThan = TimeSpan.FromMinutes(30) })!.Action);
    }

    [Fact]
    public void An_offline_device_never_seen_is_kept()
    {
        Assert.Equal(PruneAction.Kept, Decide(Device("vault-1", false, null, "tag:vault"))!.Action);
    }

    [Fact]
    public void An_online_copy_is_kept_unless_online_devices_are_included()
    {
        var device = Device("vault-1", true, TimeSpan.Zero, "tag:vault");

        Assert.Equal(PruneAction.Kept, Decide(device)!.Action);
        Assert.Equal(PruneAction.WouldDelete, Decide(device, Default with { IncludeOnline = true })!.Action);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void The_online_holder_of_the_canonical_name_is_never_deleted(bool? online)
    {
        var decision = Decide(Device("vault", online, TimeSpan.Zero, "tag:vault"), Default with { IncludeOnline = true, OlderThan = TimeSpan.Zero });

        Assert.Equal(PruneAction.Kept, decision!.Action);
        Assert.Contains($"holds the canonical name vault.{Tailnet}: never deleted", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_connection_state_counts_as_online()
    {
        Assert.Equal(PruneAction.Kept, Decide(Device("vault-1", null, TimeSpan.FromDays(9), "tag:vault"))!.Action);
    }

    [Fact]
    public void Devices_of_another_tailnet_are_counted_but_never_considered()
    {
        var elsewhere = new TailscaleDevice("9", "n9", "vault-1.other.ts.net", "vault", ["tag:vault"], false, Now - TimeSpan.FromDays(9));

        var result = PruneSelector.Select([elsewhere], Platform, Default, Now);

        Assert.Empty(result.Decisions);
        Assert.Equal(1, result.OutsideTailnet);
    }

    [Theory]
    [InlineData(-5, "0s")]
    [InlineData(59 * 60 + 59, "59m59s")]
    [InlineData(3 * 3600 + 61, "3h1m")]
    [InlineData(2 * 86400 + 3 * 3600 + 59, "2d3h")]
    public void Ages_are_shown_as_precisely_as_useful(int seconds, string expected)
    {
        Assert.Equal(expected, PruneSelector.Describe(TimeSpan.FromSeconds(seconds)));
    }
}
