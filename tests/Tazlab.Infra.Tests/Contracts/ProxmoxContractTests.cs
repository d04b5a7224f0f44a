using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Components.TalosCluster;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Contracts.RegisteredInputs;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What bpg/terraform-provider-proxmox v0.111.1 (through Pulumi.ProxmoxVE 8.3.0) does with what the program registers
/// (docs/provider-contracts.md, Proxmox): drives keyed by interface, the cloud-init drive's ide2 default, files one
/// resource owns, tags compared as written, the agent's waits.
/// </summary>
public class ProxmoxContractTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_drive_of_a_vm_has_its_own_interface_and_the_cloud_init_drive_names_its_own(string stack)
    {
        var run = await ProgramRun.Of(stack);

        foreach (var vm in run.Mocks.OfType(Vm))
        {
            // The provider keys drives by interface and writes the CD-ROM after the cloud-init drive: a shared key drops the latter.
            var initialization = Object(vm.Inputs["initialization"]);
            Assert.True(initialization.ContainsKey("interface"), $"{vm.Name}: the cloud-init drive's interface is left to the provider's default (ide2)");
            var interfaces = List(vm.Inputs["disks"]).Select(d => (string)Object(d)["interface"])
                .Append((string)Object(vm.Inputs["cdrom"])["interface"])
                .Append((string)initialization["interface"])
                .ToList();
            Assert.Equal(interfaces.Count, interfaces.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task On_q35_the_ide_drives_use_only_the_usable_slots_and_the_boot_order_names_drives_the_vm_has(string stack)
    {
        var run = await ProgramRun.Of(stack);

        foreach (var vm in run.Mocks.OfType(Vm))
        {
            Assert.Equal("q35", vm.Inputs["machine"]);
            var interfaces = List(vm.Inputs["disks"]).Select(d => (string)Object(d)["interface"])
                .Append((string)Object(vm.Inputs["cdrom"])["interface"])
                .Append((string)Object(vm.Inputs["initialization"])["interface"])
                .ToList();
            Assert.All(interfaces.Where(i => i.StartsWith("ide", StringComparison.Ordinal)), i => Assert.Contains(i, new[] { "ide0", "ide2" }));
            Assert.All(Strings(vm.Inputs["bootOrders"]), device => Assert.Contains(device, interfaces));
        }
    }

    [Fact]
    public async Task Iso_file_names_differ_between_stacks_that_share_a_host_and_datastore()
    {
        var prod = await ProgramRun.Of("prod");
        var dev = await ProgramRun.Of("dev");

        // A second resource downloading the same file fails ("File already exists"), and destroying either would delete the other's image.
        var prodIso = Assert.Single(prod.Mocks.OfType(ProxmoxFile));
        var devIso = Assert.Single(dev.Mocks.OfType(ProxmoxFile));
        Assert.Equal(prodIso.Inputs["nodeName"], devIso.Inputs["nodeName"]);
        Assert.Equal(prodIso.Inputs["datastoreId"], devIso.Inputs["datastoreId"]);
        Assert.NotEqual(prodIso.Inputs["fileName"], devIso.Inputs["fileName"]);
        Assert.StartsWith("talos-prod-", (string)prodIso.Inputs["fileName"], StringComparison.Ordinal);
        Assert.Equal(TalosImage.IsoFileName("dev", dev.Deployment!.Plan.Context.Rendering.Get<TalosRendering>().SchematicId, "v1.12.0"), devIso.Inputs["fileName"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Tags_are_written_sorted_lower_case_and_once_as_proxmox_keeps_them(string stack)
    {
        var run = await ProgramRun.Of(stack);

        foreach (var vm in run.Mocks.OfType(Vm))
        {
            var tags = Strings(vm.Inputs["tags"]).ToList();
            Assert.Equal(tags.Order(StringComparer.Ordinal), tags);
            Assert.Equal(tags.Distinct(StringComparer.Ordinal), tags);
            Assert.All(tags, t => Assert.Equal(t.ToLowerInvariant(), t));
        }

        Assert.Equal(["prod", "tazlab", "worker"], TalosCluster.ProxmoxTags(StackConfigOf("prod") with { StackName = "Prod" }, StackConfigOf("prod").Talos.Workers.First()));
    }

    [Fact]
    public async Task The_agent_is_enabled_only_with_its_extension_and_no_vm_waits_for_it_to_report_an_address()
    {
        var with = await ProgramRun.Of("prod");
        var without = await ProgramRun.Of("prod", source => ProgramRun.WithJson(source, "tazlab:talosExtensions", "[\"siderolabs/tailscale\"]"));

        Assert.All(with.Mocks.OfType(Vm), vm => Assert.Equal(true, Object(vm.Inputs["agent"])["enabled"]));
        Assert.All(without.Mocks.OfType(Vm), vm => Assert.Equal(false, Object(vm.Inputs["agent"])["enabled"]));
        // The agent runs only once Talos runs from disk: waiting for it to report an IP would hold every create and refresh for 15 minutes.
        Assert.All(with.Mocks.OfType(Vm).Concat(without.Mocks.OfType(Vm)), vm => Assert.Equal(true, Object(Object(vm.Inputs["agent"])["waitForIp"])["disabled"]));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task A_vm_with_a_fixed_id_is_deleted_before_it_is_replaced(string stack)
    {
        var run = await ProgramRun.Of(stack);

        Assert.All(run.OfType(Vm), vm => Assert.True(vm.Custom.DeleteBeforeReplace, $"{vm.Name}: a replacement would create a second VM with id {vm.Name}'s"));
    }

    private static Tazlab.Stacks.Model.StackConfig StackConfigOf(string stack) => Tazlab.Stacks.Loading.StackLoader.Load(TestSupport.RepoPaths.Root, stack).Config!;
}
