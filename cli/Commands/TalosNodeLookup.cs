using System.CommandLine;
using Tazlab.Blueprint.Lifecycle;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Model;

namespace Tazlab.Cli.Commands;

/// <summary>
/// Finds a node of the stack by its name, with the control-plane node talosctl goes through for it. The Pulumi
/// program names nodes, not addresses, in its commands: an address changed in the stack then changes no command,
/// and the command reaches the node where the stack now says it is.
/// </summary>
public static class TalosNodeLookup
{
    public static Option<string> NodeOption() => new("--node") { Description = "The node's name, as the stack's tazlab:talosNodes lists it.", Required = true };

    /// <summary>The node's address and its endpoint, or null after saying why on stderr (a usage error: nothing was touched).</summary>
    public static (TalosNode Node, string Endpoint)? Find(CliContext context, string stack, DirectoryInfo? project, string name)
    {
        var loaded = StackPlanning.LoadStack(context, stack, project, out _);
        if (loaded?.Config is not { } config)
        {
            return null;
        }

        var node = config.Talos.Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
        if (node is null)
        {
            context.Stderr.WriteLine($"--node: '{ConfigScalar.Printable(name)}' is not a node of stack {stack}; expected one of {string.Join(", ", config.Talos.Nodes.Select(n => n.Name))}");
            return null;
        }

        return (node, UpgradeEndpoints.For(config.Talos, node.Name));
    }
}
