using System.CommandLine;

namespace Tazlab.Cli.Commands;

/// <summary><c>vault</c>: operations on the live Vault through its HTTP API, over the tailnet.</summary>
public static class VaultCommand
{
    public static Command Create(CliContext context) =>
        new("vault", "Work on the live Vault through its HTTP API (secrets on stdin only).")
        {
            VaultUnsealCommand.Create(context),
        };
}
