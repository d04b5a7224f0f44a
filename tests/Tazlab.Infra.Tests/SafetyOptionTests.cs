using Tazlab.Components.TalosCluster;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests;

/// <summary>The options that keep state safe: protection in prod, and no bootstrap-only change ever sent to a live cluster.</summary>
public class SafetyOptionTests
{
    [Fact]
    public async Task Prod_protects_its_vault_server_and_talos_secrets()
    {
        var run = await ProgramRun.Of("prod");

        Assert.True(run.Single(Server, "server").Options.Protect);
        Assert.True(run.Single(MachineSecrets, "machine-secrets").Options.Protect);
        var server = run.Mocks.Single(Server, "server");
        Assert.Equal(true, server.Inputs["deleteProtection"]);
        Assert.Equal(true, server.Inputs["rebuildProtection"]);
    }

    [Fact]
    public async Task Dev_is_disposable()
    {
        var run = await ProgramRun.Of("dev");

        Assert.NotEqual(true, run.Single(MachineSecrets, "machine-secrets").Options.Protect);
    }

    [Fact]
    public async Task Machine_secrets_are_never_replaced_by_a_talos_upgrade()
    {
        var run = await ProgramRun.Of("prod");

        Assert.Contains("talosVersion", run.Single(MachineSecrets, "machine-secrets").Options.IgnoreChanges);
    }

    [Fact]
    public async Task No_live_node_is_ever_sent_its_bootstrap_configuration_again()
    {
        var run = await ProgramRun.Of("prod");

        var applies = run.OfType(ConfigurationApply);
        Assert.Equal(3, applies.Count);
        Assert.All(applies, a => Assert.Contains(TalosCluster.BootstrapConfigurationInput, a.Options.IgnoreChanges));
    }

    [Fact]
    public async Task A_bootstrap_only_change_lands_only_in_the_ignored_input()
    {
        var before = await ProgramRun.Of("prod");
        var after = await ProgramRun.Of("prod", source => ProgramRun.With(source, "tazlab:apiServerDeviceName", new Stacks.Configuration.ConfigScalar("lushycorp-k8s-new")));

        foreach (var node in new[] { "tazlab-cp-1", "tazlab-worker-1" })
        {
            var old = before.Mocks.Single(ConfigurationApply, node).Inputs;
            var changed = after.Mocks.Single(ConfigurationApply, node).Inputs;
            Assert.Equal(old["configPatches"], changed["configPatches"]);
            Assert.Equal(old["node"], changed["node"]);
        }

        // The certSANs and issuer change only the bootstrap configuration, which every ConfigurationApply ignores.
        Assert.NotEqual(
            before.Mocks.Single(ConfigurationApply, "tazlab-cp-1").Inputs["machineConfigurationInput"],
            after.Mocks.Single(ConfigurationApply, "tazlab-cp-1").Inputs["machineConfigurationInput"]);
        Assert.Contains("lushycorp-k8s-new.magellanic-gondola.ts.net", (string)after.Mocks.Single(ConfigurationApply, "tazlab-cp-1").Inputs["machineConfigurationInput"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_user_data_never_replaces_vault()
    {
        var run = await ProgramRun.Of("prod");

        Assert.Contains("userData", run.Single(Server, "server").Options.IgnoreChanges);
    }
}
