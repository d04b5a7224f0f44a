using Tazlab.Components.VaultServer;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What pulumi/pulumi-command v1.2.1 does with what the program registers (docs/provider-contracts.md, Command): only
/// a trigger replaces; any other change is an update that runs create again (or update) and replaces stdout; delete
/// runs with the stored inputs; previous output goes into the environment unless told otherwise.
/// </summary>
public class CommandContractTests
{
    public static TheoryData<string> Stacks() => new() { "prod", "dev" };

    [Fact]
    public async Task The_command_whose_output_is_state_ignores_every_input_but_its_trigger()
    {
        var run = await ProgramRun.Of("prod");

        // Every input the provider's SDK declares; a new one in a later release must be frozen too.
        // [Input] sits on the property, or on the private field behind a list, map or secret input.
        var inputs = typeof(Pulumi.Command.Remote.CommandArgs).GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Select(p => p.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(Pulumi.InputAttribute))?.ConstructorArguments[0].Value)
            .OfType<string>()
            .Where(name => name != "triggers")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var init = run.Single(RemoteCommand, "vault-init");
        Assert.Equal(inputs, init.Options.IgnoreChanges.Order(StringComparer.Ordinal));
        Assert.Equal(inputs, VaultServer.InitInputsFrozen.Order(StringComparer.Ordinal));
        Assert.Contains("stdout", init.Custom.AdditionalSecretOutputs);
        Assert.Equal(["stderr"], new[] { (string)run.Mocks.Single(RemoteCommand, "vault-init").Inputs["logging"] });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task No_command_puts_its_previous_output_into_its_environment(string stack)
    {
        var run = await ProgramRun.Of(stack);

        // The init output is the unseal keys and the root token: rerun, it would travel to sshd as PULUMI_COMMAND_STDOUT.
        var commands = run.Mocks.OfType(RemoteCommand).Concat(run.Mocks.OfType(LocalCommand)).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.Equal(false, c.Inputs["addPreviousOutputInEnv"]));
    }

    [Fact]
    public async Task What_a_command_reads_on_stdin_stays_secret()
    {
        var run = await ProgramRun.Of("prod");

        foreach (var name in new[] { "vault-join", "vault-tls" })
        {
            var args = (Pulumi.Command.Remote.CommandArgs)run.Single(RemoteCommand, name).Args;
            Assert.True(await Pulumi.Output.IsSecretAsync((Pulumi.Output<string>)args.Stdin!), $"{name}'s stdin is not secret");
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Local_commands_run_in_the_project_folder_named_relative_to_the_program(string stack)
    {
        var run = await ProgramRun.Of(stack);

        // The provider starts in the program's folder (infra/); an absolute folder in state breaks destroy from another checkout.
        Assert.All(run.Mocks.OfType(LocalCommand), c => Assert.Equal("..", c.Inputs["dir"]));
    }
}
