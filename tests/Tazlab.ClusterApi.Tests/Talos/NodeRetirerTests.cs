using Tazlab.ClusterApi.Health;
using Tazlab.ClusterApi.Nodes;
using Tazlab.ClusterApi.Talos;
using Tazlab.TestSupport.FakeKubernetes;

namespace Tazlab.ClusterApi.Tests.Talos;

public class NodeRetirerTests
{
    private static readonly TalosctlResult Unreachable = new(1, string.Empty, "error: rpc error: code = Unavailable desc = connection refused\n");

    private const string Members = """
        NODE          ID                 HOSTNAME      PEER URLS                   CLIENT URLS                 LEARNER
        tazlab-cp-1   3a4ee5b5e4b0e0c2   tazlab-cp-1   https://192.168.1.81:2380   https://192.168.1.81:2379   false
        tazlab-cp-1   5e2b3c7d9a1f0e44   tazlab-cp-2   https://192.168.1.82:2380   https://192.168.1.82:2379   false
        tazlab-cp-1   7f00aa11bb22cc33   tazlab-cp-3   https://192.168.1.83:2380   https://192.168.1.83:2379   false
        """;

    private static async Task<(FakeKubernetesApiServer Server, k8s.Kubernetes Client)> ApiServerWith(params string[] nodes)
    {
        var server = await FakeKubernetesApiServer.StartAsync();
        server.SetNodes([.. nodes.Select(n => new FakeNode(n))]);
        var client = KubeconfigClient.Create(server.Kubeconfig(), TimeSpan.FromSeconds(5), out var problem) ?? throw new InvalidOperationException(problem);
        return (server, client);
    }

    [Fact]
    public async Task A_reachable_node_is_drained_reset_gracefully_and_its_node_object_deleted()
    {
        var (server, client) = await ApiServerWith("tazlab-cp-1", "tazlab-worker-2");
        await using var _ = server;
        using var __ = client;
        var talosctl = new ScriptedTalosctl(args => args[0] == "version" ? ScriptedTalosctl.Version("v1.12.1") : ScriptedTalosctl.Ok);

        var outcome = await new NodeRetirer(talosctl, new KubernetesNodes(client)).RetireAsync("tazlab-worker-2", "192.168.1.92", controlPlane: false, "192.168.1.81", TimeSpan.FromMinutes(20), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(["reset", "--nodes", "192.168.1.92", "--endpoints", "192.168.1.92", "--graceful=true", "--reboot=false", "--wait", "--timeout", "20m"], talosctl.Calls[1]);
        Assert.Equal(["tazlab-worker-2"], server.DeletedNodes);
    }

    [Fact]
    public async Task A_reachable_node_whose_reset_fails_stays_and_nothing_is_forced()
    {
        var (server, client) = await ApiServerWith("tazlab-worker-2");
        await using var _ = server;
        using var __ = client;
        var talosctl = new ScriptedTalosctl(args => args[0] switch
        {
            "version" => ScriptedTalosctl.Version("v1.12.1"),
            "reset" => new TalosctlResult(1, string.Empty, "error: draining node: Cannot evict pod as it would violate the pod's disruption budget.\n"),
            _ => ScriptedTalosctl.Ok,
        });

        var outcome = await new NodeRetirer(talosctl, new KubernetesNodes(client)).RetireAsync("tazlab-worker-2", "192.168.1.92", controlPlane: false, "192.168.1.81", TimeSpan.FromMinutes(20), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("node tazlab-worker-2: talosctl reset failed: error: draining node: Cannot evict pod as it would violate the pod's disruption budget.; the node and its VM stay, and the next up tries again", outcome.Message);
        Assert.Empty(server.DeletedNodes);
    }

    [Fact]
    public async Task A_lost_control_plane_node_has_its_etcd_member_removed_through_another()
    {
        var (server, client) = await ApiServerWith("tazlab-cp-1", "tazlab-cp-2", "tazlab-cp-3");
        await using var _ = server;
        using var __ = client;
        var talosctl = new ScriptedTalosctl(args => args switch
        {
            ["version", ..] => Unreachable,
            ["etcd", "members", ..] => new TalosctlResult(0, Members, string.Empty),
            _ => ScriptedTalosctl.Ok,
        });

        var outcome = await new NodeRetirer(talosctl, new KubernetesNodes(client)).RetireAsync("tazlab-cp-2", "192.168.1.82", controlPlane: true, "192.168.1.81", TimeSpan.FromMinutes(20), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "reset");
        Assert.Equal(["etcd", "remove-member", "5e2b3c7d9a1f0e44", "--nodes", "192.168.1.81", "--endpoints", "192.168.1.81"], talosctl.Calls[^1]);
        Assert.Equal(["tazlab-cp-2"], server.DeletedNodes);
    }

    [Fact]
    public async Task A_lost_worker_only_loses_its_node_object_and_one_already_gone_is_fine()
    {
        var (server, client) = await ApiServerWith("tazlab-cp-1");
        await using var _ = server;
        using var __ = client;
        var talosctl = new ScriptedTalosctl(args => args[0] == "version" ? Unreachable : ScriptedTalosctl.Ok);

        var outcome = await new NodeRetirer(talosctl, new KubernetesNodes(client)).RetireAsync("tazlab-worker-2", "192.168.1.92", controlPlane: false, "192.168.1.81", TimeSpan.FromMinutes(20), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Single(talosctl.Calls);
        Assert.Empty(server.DeletedNodes);
    }

    [Theory]
    [InlineData(Members, "tazlab-cp-3", "7f00aa11bb22cc33")]
    [InlineData("ID                 HOSTNAME      PEER URLS   CLIENT URLS   LEARNER\n3a4ee5b5e4b0e0c2   tazlab-cp-1   https://a   https://b     false\n", "tazlab-cp-1", "3a4ee5b5e4b0e0c2")]
    [InlineData(Members, "tazlab-cp-9", null)]
    [InlineData("", "tazlab-cp-1", null)]
    public void The_member_id_is_read_by_hostname_with_or_without_the_node_column(string stdout, string hostname, string? id)
    {
        Assert.Equal(id, EtcdMembersOutput.MemberIdOf(stdout, hostname));
    }
}
