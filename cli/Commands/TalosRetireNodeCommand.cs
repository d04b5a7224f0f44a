using System.CommandLine;
using Tazlab.ClusterApi.Health;
using Tazlab.ClusterApi.Nodes;
using Tazlab.ClusterApi.Talos;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>talos retire-node</c>: the delete step of a node's retirement command, run by Pulumi before the node's VM is
/// deleted. The stack's configuration says why the node goes: a node still in it is being replaced or the whole
/// stack destroyed, and is left alone (a VM about to be deleted needs no drain, and the last control-plane node
/// cannot leave etcd); a node no longer in it was removed, and is taken out of the cluster. Whatever is unclear
/// (the stack cannot be read) leaves the node alone too: nothing is reset on a guess.
/// </summary>
public static class TalosRetireNodeCommand
{
    public const string ControlPlaneRole = "controlplane";
    public const string WorkerRole = "worker";

    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var name = new Option<string>("--name") { Description = "The node's name (its hostname, etcd member and Node object).", Required = true };
        var address = new Option<string>("--address") { Description = "The node's address.", Required = true };
        var role = new Option<string>("--role") { Description = $"{ControlPlaneRole} or {WorkerRole}.", Required = true };
        role.AcceptOnlyFromAmong(ControlPlaneRole, WorkerRole);
        var timeout = new Option<string>("--timeout") { Description = "How long the drain and reset may take.", DefaultValueFactory = _ => "30m" };
        var command = new Command(
            "retire-node",
            $"Take a node removed from the stack out of the cluster (drain, leave etcd, reset, delete its Node object); a node still in the stack is left alone. Talosconfig from {TalosEnvironment.TalosconfigVariable}, kubeconfig from {ClusterHealthEnvironment.KubeconfigVariable}. Exit 0 done or left alone, 1 failed, 2 usage or missing talosctl.")
        {
            stack, name, address, role, timeout, project,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            StackPlanning.ValueOf(parse, stack),
            parse.GetValue(project),
            StackPlanning.ValueOf(parse, name),
            StackPlanning.ValueOf(parse, address),
            StackPlanning.ValueOf(parse, role) == ControlPlaneRole,
            parse.GetValue(timeout),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string stackName, DirectoryInfo? project, string name, string address, bool controlPlane, string? timeout, CancellationToken cancellationToken)
    {
        var loaded = StackPlanning.LoadStack(context, stackName, project, out _);
        if (loaded?.Config is not { } config)
        {
            context.Stderr.WriteLine($"talos: node {name}: left alone, as the stack could not be read; if it was removed from the stack, take it out by hand (talosctl reset --nodes {address} --graceful)");
            return ExitCodes.Success;
        }

        if (config.Talos.Nodes.Any(n => string.Equals(n.Name, name, StringComparison.Ordinal)))
        {
            context.Stderr.WriteLine($"talos: node {name}: still in stack {stackName} (its VM is replaced, or the stack destroyed): left alone");
            return ExitCodes.Success;
        }

        var endpoint = config.Talos.ControlPlane.Select(n => n.Ip.ToString()).FirstOrDefault(ip => ip != address);
        if (endpoint is null)
        {
            context.Stderr.WriteLine($"talos: node {name}: no control-plane node stays in stack {stackName} (the cluster goes with it): left alone");
            return ExitCodes.Success;
        }

        using var client = KubeconfigFromEnvironment.CreateClient(context);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        return await TalosctlSession.RunStepAsync(
            context,
            timeout,
            (talosctl, wait, log, token) => new NodeRetirer(talosctl, new KubernetesNodes(client)).RetireAsync(name, address, controlPlane, endpoint, wait, log, token),
            cancellationToken).ConfigureAwait(false);
    }
}
