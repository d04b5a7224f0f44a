using Tazlab.TailnetApi.Client;
using Tazlab.TailnetApi.Pruning;

namespace Tazlab.TailnetApi.Tests;

/// <summary>Stacks in one tailnet share tags (the cluster tags): a shared tag alone never makes a device this stack's.</summary>
public class SharedTagTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PruneOptions RealRun = new(TimeSpan.FromHours(1), IncludeOnline: false, DryRun: false);

    private static TailscaleDevice Offline(string label, params string[] tags) =>
        new(label + "-id", "n" + label, $"{label}.{Stacks.Dev.Tailnet.Name}", label, tags, false, Now - TimeSpan.FromDays(2));

    [Fact]
    public void Dev_and_prod_share_their_cluster_tags()
    {
        var dev = PlatformDevices.From(Stacks.Dev, [Stacks.Prod]);

        Assert.Contains("tag:tazlab-k8s", dev.SharedTags);
        Assert.Contains("tag:k8s", dev.SharedTags);
        Assert.False(dev.IsExclusiveTag("tag:tazlab-k8s"));
    }

    [Fact]
    public void Pruning_dev_never_reaches_a_prod_device_through_a_shared_tag()
    {
        var dev = PlatformDevices.From(Stacks.Dev, [Stacks.Prod]);
        var prodWorker = Offline("tazlab-worker-1", "tag:tazlab-k8s");
        var devGhost = Offline("tazlab-dev-worker-1-1", "tag:tazlab-k8s");

        var result = PruneSelector.Select([prodWorker, devGhost], dev, RealRun, Now);

        var decision = Assert.Single(result.Decisions);
        Assert.Equal(devGhost.Id, decision.Device.Id);
    }

    [Fact]
    public void A_tag_only_this_stack_uses_still_selects_by_itself()
    {
        var alone = PlatformDevices.From(Stacks.Prod, []);
        var proxy = Offline("ts-egress-abc12", "tag:k8s");

        var result = PruneSelector.Select([proxy], alone, RealRun, Now);

        Assert.Single(result.Decisions);
    }
}
