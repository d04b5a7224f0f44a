using Tazlab.ClusterApi.Health;

namespace Tazlab.ClusterApi.Tests;

public sealed class ClusterHealthWaiterTests
{
    private static readonly WaitOptions Fast = new(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Waits_until_healthy_and_says_what_it_waited_for_once_per_change()
    {
        var probe = new ScriptedProbe(
            new ClusterHealth("not reachable (ConnectionError)", ["cp-1"], []),
            new ClusterHealth("not reachable (ConnectionError)", ["cp-1"], []),
            new ClusterHealth(null, [], ["cp-1 (KubeletNotReady)"]),
            new ClusterHealth(null, [], []));
        var lines = new List<string>();

        var health = await new ClusterHealthWaiter(probe, TimeProvider.System).WaitAsync(["cp-1"], Fast, lines.Add, CancellationToken.None);

        Assert.True(health.IsHealthy);
        Assert.Equal(4, probe.Calls);
        Assert.Equal(3, lines.Count);
        Assert.EndsWith("API server: not reachable (ConnectionError)", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("not Ready: cp-1 (KubeletNotReady)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("healthy after ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_up_after_the_timeout_with_the_last_state()
    {
        var probe = new ScriptedProbe(new ClusterHealth(null, ["worker-1"], []));
        var options = Fast with { Timeout = TimeSpan.FromMilliseconds(100) };

        var health = await new ClusterHealthWaiter(probe, TimeProvider.System).WaitAsync(["worker-1"], options, _ => { }, CancellationToken.None);

        Assert.False(health.IsHealthy);
        Assert.Equal("not registered: worker-1", health.Describe());
        Assert.True(probe.Calls > 1);
    }
}
