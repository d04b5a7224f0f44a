using Tazlab.ClusterApi.Health;
using Tazlab.TestSupport.FakeKubernetes;

namespace Tazlab.ClusterApi.Tests;

/// <summary>The probe with a real Kubernetes client against a local API server: what it reports for each state of a cluster coming up.</summary>
public sealed class KubernetesClusterProbeTests
{
    private static readonly string[] Nodes = ["cp-1", "worker-1"];

    private static async Task<ClusterHealth> Probe(FakeKubernetesApiServer server, string? token = null)
    {
        using var client = KubeconfigClient.Create(server.Kubeconfig(token), TimeSpan.FromSeconds(5), out var problem) ?? throw new InvalidOperationException(problem);
        return await new KubernetesClusterProbe(client).ProbeAsync(Nodes, CancellationToken.None);
    }

    [Fact]
    public async Task Ready_api_server_and_ready_nodes_are_healthy()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.SetNodes(new FakeNode("cp-1"), new FakeNode("worker-1"), new FakeNode("someone-elses"));

        var health = await Probe(server);

        Assert.True(health.IsHealthy, health.Describe());
        Assert.Equal("API server ready, every node Ready", health.Describe());
    }

    [Fact]
    public async Task A_failing_readyz_names_its_first_failed_check()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Readyz = (500, "[+]ping ok\n[-]etcd failed: reason withheld\n[-]informer-sync failed\nreadyz check failed\n");

        var health = await Probe(server);

        Assert.False(health.IsHealthy);
        Assert.Equal("API server: not ready (500: etcd failed)", health.Describe());
    }

    [Fact]
    public async Task Missing_and_not_ready_nodes_are_named_with_the_kubelets_reason()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.SetNodes(new FakeNode("cp-1", "False", "KubeletNotReady"));

        var health = await Probe(server);

        Assert.Equal(["worker-1"], health.NotRegistered);
        Assert.Equal(["cp-1 (KubeletNotReady)"], health.NotReady);
        Assert.Equal("not registered: worker-1; not Ready: cp-1 (KubeletNotReady)", health.Describe());
    }

    [Fact]
    public async Task Refused_credentials_are_an_answer_not_an_exception()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();

        var health = await Probe(server, token: "wrong");

        Assert.Equal("API server: not ready (401)", health.Describe());
    }

    [Fact]
    public async Task An_unreachable_api_server_is_an_answer_not_an_exception()
    {
        var server = await FakeKubernetesApiServer.StartAsync();
        var kubeconfig = server.Kubeconfig();
        await server.DisposeAsync();
        using var client = KubeconfigClient.Create(kubeconfig, TimeSpan.FromSeconds(2), out _)!;

        var health = await new KubernetesClusterProbe(client).ProbeAsync(Nodes, CancellationToken.None);

        Assert.StartsWith("API server: not reachable (", health.Describe(), StringComparison.Ordinal);
        Assert.Equal(Nodes, health.NotRegistered);
    }

    [Fact]
    public void Text_that_is_no_kubeconfig_is_refused_without_being_quoted()
    {
        var client = KubeconfigClient.Create("token: super-secret-value\n", TimeSpan.FromSeconds(1), out var problem);

        Assert.Null(client);
        Assert.DoesNotContain("super-secret-value", problem, StringComparison.Ordinal);
    }
}
