using Pulumi;
using Tazlab.Components.Commands;
using LocalCommand = Pulumi.Command.Local.Command;
using LocalCommandArgs = Pulumi.Command.Local.CommandArgs;

namespace Tazlab.Components.DeviceHygiene;

/// <summary>
/// Keeps the platform's MagicDNS names canonical across destroy/create cycles (DOMAIN.md failure 9): devices
/// made through an OAuth client are not ephemeral, so a dead device would keep the name and the new one get a
/// <c>-1</c> suffix. The Vault server and the operator depend on this command, so on <c>up</c> its create step
/// prunes the stack's offline devices before they join, and on <c>destroy</c> its delete step runs after they are
/// gone and removes their devices. Both run <c>tazlab tailnet prune</c>, which reads the Tailscale API credentials from
/// the environment of the <c>up</c> or <c>destroy</c> that runs it (pulumi-command's local commands inherit it): the state
/// holds none, so a destroy after a rotation, or from another machine, uses the credentials of whoever runs it.
/// </summary>
public sealed class DeviceHygiene : ComponentResource
{
    public const string TypeToken = "tazlab:tailnet:DeviceHygiene";

    public DeviceHygiene(string name, DeviceHygieneArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var stack = args.Config.StackName;
        var prune = args.Wiring.Register("device-cleanup", new LocalCommand("prune", new LocalCommandArgs
        {
            Dir = args.ProjectRoot,
            Create = PruneCommand(stack, includeOnline: false),
            Delete = PruneCommand(stack, includeOnline: true),
            AddPreviousOutputInEnv = false,
        }, args.Wiring.Options(this, "device-cleanup")));

        CreateCommand = prune.Create.Apply(c => c ?? string.Empty);
        RegisterOutputs(new Dictionary<string, object?> { ["createCommand"] = CreateCommand });
    }

    [Output("createCommand")]
    public Output<string> CreateCommand { get; }

    /// <summary>
    /// The prune the command runs. Before the devices join: every offline device holding a platform name goes, however
    /// recently it was seen. After they are destroyed: online ones too (a destroyed VM can still show online for a
    /// while), except an online device holding a canonical name, which the next create step catches once offline.
    /// </summary>
    public static string PruneCommand(string stack, bool includeOnline) =>
        TazlabCli.Command($"tailnet prune --stack {stack} --older-than 0s" + (includeOnline ? " --include-online" : string.Empty));
}
