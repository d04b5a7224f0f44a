using System.CommandLine;
using Tazlab.Cli.Output;
using Tazlab.ClusterApi.Health;
using Tazlab.Stacks.Reading;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>cluster wait-healthy</c>: waits until the API server is ready and every node of the stack is registered and
/// Ready. The Pulumi program runs it once after a bootstrap (not on every preview, as an invoke would), before any
/// Kubernetes object is created; the kubeconfig comes in an environment variable, never an argument or a file.
/// </summary>
public static class ClusterWaitHealthyCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var timeout = new Option<string>("--timeout")
        {
            Description = $"How long to wait ({DurationParser.Expected}; default {DurationParser.Format(WaitOptions.Default.Timeout)}).",
            DefaultValueFactory = _ => DurationParser.Format(WaitOptions.Default.Timeout),
        };
        var interval = new Option<string>("--interval")
        {
            Description = $"How often to look ({DurationParser.Expected}; default {DurationParser.Format(WaitOptions.Default.Interval)}).",
            DefaultValueFactory = _ => DurationParser.Format(WaitOptions.Default.Interval),
        };

        var command = new Command(
            "wait-healthy",
            $"Wait until the API server is ready and every node of the stack is Ready. Kubeconfig from {ClusterHealthEnvironment.KubeconfigVariable}. "
            + "Exit 0 healthy, 1 not healthy in time, 2 usage, configuration or kubeconfig.")
        {
            stack, timeout, interval, project,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!CommonOptions.TryPositiveDuration(context, "--timeout", parse.GetValue(timeout), out var wait) || !CommonOptions.TryPositiveDuration(context, "--interval", parse.GetValue(interval), out var every))
            {
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            return RunAsync(context, StackPlanning.ValueOf(parse, stack), parse.GetValue(project), WaitOptions.Default with { Timeout = wait, Interval = every }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string stackName, DirectoryInfo? projectDirectory, WaitOptions options, CancellationToken cancellationToken)
    {
        var loaded = StackPlanning.LoadStack(context, stackName, projectDirectory, out _);
        if (loaded?.Config is not { } config)
        {
            return ExitCodes.InvalidInput;
        }

        DiagnosticPrinter.Print(context.Stderr, [.. loaded.Warnings]);
        using var client = KubeconfigFromEnvironment.CreateClient(context);
        if (client is null)
        {
            return ExitCodes.InvalidInput;
        }

        // Talos names each node after its hostname, which the node patch sets to the node's name.
        var nodes = config.Talos.Nodes.Select(n => n.Name).ToList();
        var waiter = new ClusterHealthWaiter(new KubernetesClusterProbe(client), TimeProvider.System);
        var health = await waiter.WaitAsync(nodes, options, line => context.Stderr.WriteLine($"cluster {config.Talos.ClusterName}: {line}"), cancellationToken);
        if (health.IsHealthy)
        {
            return ExitCodes.Success;
        }

        context.Stderr.WriteLine($"cluster {config.Talos.ClusterName}: not healthy after {DurationParser.Format(options.Timeout)}: {health.Describe()}");
        return ExitCodes.OperationFailed;
    }
}
