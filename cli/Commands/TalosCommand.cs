using System.CommandLine;

namespace Tazlab.Cli.Commands;

/// <summary><c>talos</c>: operations on the live Talos nodes through talosctl (the talosconfig from the environment only).</summary>
public static class TalosCommand
{
    public static Command Create(CliContext context) =>
        new("talos", "Upgrade, reboot and retire the live Talos nodes, and upgrade Kubernetes, through talosctl (talosconfig from the environment only).")
        {
            TalosUpgradeNodeCommand.Create(context),
            TalosUpgradeKubernetesCommand.Create(context),
            TalosApplyStagedCommand.Create(context),
            TalosRetireNodeCommand.Create(context),
        };
}
