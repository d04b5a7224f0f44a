using Tazlab.TestSupport;
using Tazlab.TestSupport.FakeKubernetes;

namespace Tazlab.Cli.Tests;

/// <summary>
/// <c>cluster wait-healthy</c> in-process against a fake Kubernetes API on 127.0.0.1, with the kubeconfig in the
/// environment variable the Pulumi program sets: the health gate that runs once after a bootstrap.
/// </summary>
public sealed class ClusterWaitHealthyCommandTests : IAsyncLifetime
{
    private FakeKubernetesApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static CliRun Wait(IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        CliRun.WithEnvironment(RepoPaths.Root, environment, ["cluster", "wait-healthy", "--stack", "prod", "--interval", "1s", .. extra]);

    private Dictionary<string, string> Kubeconfig(string? token = null) => new() { ["TAZLAB_KUBECONFIG"] = _server.Kubeconfig(token) };

    [Fact]
    public void Every_node_of_the_stack_ready_exits_0()
    {
        _server.SetNodes(new FakeNode("tazlab-cp-1"), new FakeNode("tazlab-worker-1"), new FakeNode("tazlab-worker-2"));

        var run = Wait(Kubeconfig());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("cluster tazlab: healthy after ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_never_gets_ready_exits_1_naming_it()
    {
        _server.SetNodes(new FakeNode("tazlab-cp-1"), new FakeNode("tazlab-worker-1", "False", "KubeletNotReady"));

        var run = Wait(Kubeconfig(), "--timeout", "2s");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cluster tazlab: not healthy after 2s: not registered: tazlab-worker-2; not Ready: tazlab-worker-1 (KubeletNotReady)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_kubeconfig_in_the_environment_exits_2_before_any_request()
    {
        var run = Wait(new Dictionary<string, string>());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TAZLAB_KUBECONFIG: not set", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public void Text_that_is_no_kubeconfig_exits_2_without_showing_it()
    {
        var run = Wait(new Dictionary<string, string> { ["TAZLAB_KUBECONFIG"] = "client-key-data: c2VjcmV0LWtleQ==" });

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("c2VjcmV0LWtleQ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "soon")]
    [InlineData("--timeout", "0s")]
    public void A_bad_duration_exits_2(string option, string value)
    {
        var run = Wait(Kubeconfig(), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: '{value}' is not a positive duration", run.Stderr, StringComparison.Ordinal);
    }
}
