using Tazlab.ClusterApi.Talos;

namespace Tazlab.ClusterApi.Tests.Talos;

public class StagedConfigurationApplierTests
{
    [Fact]
    public async Task A_node_with_nothing_staged_is_not_rebooted()
    {
        var talosctl = new ScriptedTalosctl(args => args[0] == "get" ? ScriptedTalosctl.MachineConfigs("config-a", "config-a") : ScriptedTalosctl.Ok);

        var outcome = await new StagedConfigurationApplier(talosctl).ApplyAsync("192.168.1.91", "192.168.1.81", TimeSpan.FromMinutes(30), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("node 192.168.1.91: nothing staged, not rebooted", outcome.Message);
        Assert.Equal([["get", "machineconfig", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81", "--output", "json"]], talosctl.Calls.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public async Task A_staged_configuration_is_applied_by_a_drained_reboot_then_health()
    {
        var rebooted = false;
        var talosctl = new ScriptedTalosctl(args =>
        {
            switch (args[0])
            {
                case "reboot":
                    rebooted = true;
                    return ScriptedTalosctl.Ok;
                case "get":
                    return ScriptedTalosctl.MachineConfigs(rebooted ? "config-b" : "config-a", "config-b");
                default:
                    return ScriptedTalosctl.Ok;
            }
        });

        var outcome = await new StagedConfigurationApplier(talosctl).ApplyAsync("192.168.1.91", "192.168.1.81", TimeSpan.FromMinutes(10), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(["reboot", "--nodes", "192.168.1.91", "--endpoints", "192.168.1.81", "--drain", "--wait", "--timeout", "10m"], talosctl.Calls[1]);
        Assert.Equal(["get", "health"], new[] { talosctl.Calls[2][0], talosctl.Calls[3][0] });
    }

    [Fact]
    public async Task A_configuration_still_staged_after_the_reboot_is_a_failure()
    {
        var talosctl = new ScriptedTalosctl(args => args[0] == "get" ? ScriptedTalosctl.MachineConfigs("config-a", "config-b") : ScriptedTalosctl.Ok);

        var outcome = await new StagedConfigurationApplier(talosctl).ApplyAsync("192.168.1.91", "192.168.1.81", TimeSpan.FromMinutes(10), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("node 192.168.1.91: rebooted, but the staged configuration is still not the active one", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "health");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"metadata\": {\"id\": \"v1alpha1\"}, \"spec\": \"a\"}")]
    public async Task Not_knowing_whether_a_configuration_is_staged_is_a_failure_and_reboots_nothing(string stdout)
    {
        var talosctl = new ScriptedTalosctl(args => args[0] == "get" ? new TalosctlResult(0, stdout, string.Empty) : ScriptedTalosctl.Ok);

        var outcome = await new StagedConfigurationApplier(talosctl).ApplyAsync("192.168.1.91", "192.168.1.81", TimeSpan.FromMinutes(10), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.DoesNotContain(talosctl.Calls, c => c[0] == "reboot");
    }
}
