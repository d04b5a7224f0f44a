using System.CommandLine;

namespace Tazlab.Cli.Commands;

/// <summary><c>cluster</c>: operations on the live cluster through its Kubernetes API.</summary>
public static class ClusterCommand
{
    public static Command Create(CliContext context) =>
        new("cluster", "Work on the live cluster through the Kubernetes API (the kubeconfig from the environment only).")
        {
            ClusterWaitHealthyCommand.Create(context),
        };
}
