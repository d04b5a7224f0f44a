using System.CommandLine;

namespace Tazlab.Cli.Commands;

/// <summary><c>tailnet</c>: operations on the live tailnet through the Tailscale API (the only commands that use the network).</summary>
public static class TailnetCommand
{
    public static Command Create(CliContext context) =>
        new("tailnet", "Work on the live tailnet through the Tailscale API (credentials from the environment only).")
        {
            TailnetPruneCommand.Create(context),
        };
}
