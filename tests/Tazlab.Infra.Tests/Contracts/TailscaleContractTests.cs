using System.Text.RegularExpressions;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Contracts.RegisteredInputs;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What tailscale/terraform-provider-tailscale v0.29.2 (through Pulumi.Tailscale 0.29.0) and Tailscale's API do with what
/// the program registers (docs/provider-contracts.md, Tailscale): a one-off key joins one device, descriptions are short
/// plain text, the policy resource owns the whole file.
/// </summary>
public partial class TailscaleContractTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_single_use_key_reaches_exactly_one_device(string stack)
    {
        var run = await ProgramRun.Of(stack);

        // Where a key can reach a device: the Vault VM's user data, a command's stdin and each node's configuration patch.
        var consumers = run.Mocks.OfType(Server).Select(s => (string)s.Inputs["userData"])
            .Concat(run.Mocks.OfType(RemoteCommand).Where(c => c.Inputs.ContainsKey("stdin")).Select(c => (string)c.Inputs["stdin"]))
            .Concat(run.Mocks.OfType(ConfigurationApply).Select(a => Strings(a.Inputs["configPatches"]).Single()))
            .ToList();
        foreach (var key in run.Mocks.OfType(TailnetKey))
        {
            Assert.Equal(false, key.Inputs["reusable"]);
            var value = $"{ProgramRun.Marker}-tskey-{key.Name}";
            Assert.Equal(1, consumers.Count(text => Regex.IsMatch(text, Regex.Escape(value) + @"(?![\w-])")));
        }
    }

    [Fact]
    public async Task Vaults_key_goes_over_ssh_to_the_public_address_never_in_the_user_data_and_is_replaced_with_the_server()
    {
        var run = await ProgramRun.Of("prod");

        var key = $"{ProgramRun.Marker}-tskey-vault";
        Assert.DoesNotContain(key, (string)run.Mocks.Single(Server, "server").Inputs["userData"], StringComparison.Ordinal);
        var join = run.Mocks.Single(RemoteCommand, "vault-join");
        Assert.Equal(key, join.Inputs["stdin"]);
        Assert.Equal(ProgramRun.VaultPublicAddress, ((System.Collections.Immutable.ImmutableDictionary<string, object>)join.Inputs["connection"])["host"]);
        // A single-use key joins one device once: a new server needs a new key.
        Assert.Equal([run.Single(Server, "server").Resource], await run.Single(TailnetKey, "vault").ReplaceWithAsync());
        Assert.Contains(run.Single(RemoteCommand, "vault-join").Resource, await run.Single(RemoteCommand, "vault-tls").DependsOnAsync());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Descriptions_are_plain_text_of_at_most_fifty_characters(string stack)
    {
        var run = await ProgramRun.Of(stack);

        var described = run.Mocks.OfType(TailnetKey).Concat(run.Mocks.OfType(OAuthClient)).ToList();
        Assert.NotEmpty(described);
        Assert.All(described, r => Assert.Matches(Description(), Text(r.Inputs, "description")));
    }

    [Fact]
    public async Task The_policy_resource_owns_the_whole_file_and_only_the_owning_stack_writes_it()
    {
        var prod = await ProgramRun.Of("prod");
        var dev = await ProgramRun.Of("dev");

        Assert.Equal(true, Assert.Single(prod.Mocks.OfType(Acl)).Inputs["overwriteExistingContent"]);
        Assert.Empty(dev.Mocks.OfType(Acl));
    }

    [Fact]
    public async Task An_oauth_client_that_mints_keys_or_manages_devices_names_its_tags()
    {
        var run = await ProgramRun.Of("prod");

        foreach (var client in run.Mocks.OfType(OAuthClient))
        {
            var scopes = Strings(client.Inputs["scopes"]).ToList();
            if (scopes.Contains("auth_keys") || scopes.Contains("devices:core"))
            {
                Assert.NotEmpty(Strings(client.Inputs["tags"]));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,50}$")]
    private static partial Regex Description();
}
