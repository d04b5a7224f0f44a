using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.TailnetApi.Pruning;

namespace Tazlab.TailnetApi.Tests;

public class PlatformDevicesTests
{
    private static readonly PlatformDevices Sample = new("example.ts.net", ["vault", "k8s-api", "worker-1", "worker"], ["tag:vault"], []);

    [Fact]
    public void An_owning_stack_names_vault_the_api_server_every_node_and_the_operator()
    {
        var config = Stacks.Prod;
        var platform = PlatformDevices.From(config);

        string[] expected =
        [
            config.Vault.DeviceName, config.Talos.ApiServerDeviceName, .. config.Talos.Nodes.Select(n => n.Name), PlatformNames.OperatorHostname(config),
        ];
        Assert.Equal(expected, platform.DeviceNames);
        Assert.Equal([.. config.Vault.Tags.Concat(config.Talos.Tags).Concat(config.Operator.ProxyTags).Concat(config.Operator.OperatorTags).Distinct()], platform.Tags);
        Assert.Equal(config.Tailnet.Name, platform.Tailnet);
        Assert.Equal("tazlab-tailscale-operator", PlatformNames.OperatorHostname(config));
    }

    [Fact]
    public void A_stack_that_references_vault_leaves_vaults_device_and_tags_to_the_owner()
    {
        var config = Stacks.Dev;
        Assert.Equal(PartOwnership.Reference, config.Ownership.VaultServer);

        var platform = PlatformDevices.From(config);

        Assert.DoesNotContain(config.Vault.DeviceName, platform.DeviceNames);
        Assert.Contains(config.Talos.ApiServerDeviceName, platform.DeviceNames);
        Assert.Contains(PlatformNames.OperatorHostname(config), platform.DeviceNames);
        Assert.DoesNotContain(Stacks.Prod.Vault.Tags[0], platform.Tags);
    }

    [Theory]
    [InlineData("vault", "vault")]
    [InlineData("vault-1", "vault")]
    [InlineData("VAULT-12", "vault")]
    [InlineData("vault-other", null)]
    [InlineData("vault-", null)]
    [InlineData("vault-1a", null)]
    [InlineData("vaults", null)]
    [InlineData("my-vault", null)]
    [InlineData("k8s-api-3", "k8s-api")]
    [InlineData("worker-1", "worker-1")]
    [InlineData("worker-1-1", "worker-1")]
    [InlineData("worker-2", "worker")]
    public void A_first_label_matches_a_device_name_exactly_or_with_a_number_suffix(string label, string? expected)
    {
        Assert.Equal(expected, Sample.MatchName(label));
    }
}
