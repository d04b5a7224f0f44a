using System.CommandLine;
using System.CommandLine.Help;
using Tazlab.Cli.Commands;

namespace Tazlab.Cli;

/// <summary>Builds the command tree and runs it, mapping usage errors to exit code 2.</summary>
public static class CliApp
{
    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<string, string?>? environment = null, TextReader? stdin = null)
    {
        var context = new CliContext(stdout, stderr, currentDirectory);
        if (environment is not null)
        {
            context = context with { Environment = environment };
        }

        if (stdin is not null)
        {
            context = context with { Stdin = stdin };
        }

        var root = Root(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"usage: {error.Message}");
            }

            stderr.WriteLine("Run with --help to see the commands and options.");
            return ExitCodes.InvalidInput;
        }

        // No exception handler: commands report every expected problem themselves, and anything else
        // is a bug that should fail loudly in tests.
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// What the parser says about a command line, without running it: the Pulumi program's tests check that every
    /// command line it registers is one this CLI accepts.
    /// </summary>
    public static IReadOnlyList<string> UsageErrors(IReadOnlyList<string> args) =>
        [.. Root(new CliContext(TextWriter.Null, TextWriter.Null, Environment.CurrentDirectory)).Parse([.. args]).Errors.Select(e => e.Message)];

    private static RootCommand Root(CliContext context) =>
        new("tazlab: plan the TazLab platform offline - validate a stack, build its bootstrap graph, run the safety checks - keep its tailnet free of ghost devices, wait for a cluster it brought up to be healthy, upgrade, reboot and retire its Talos nodes, and unseal its Vault.")
        {
            PlanCommand.Create(context),
            GraphCommand.Create(context),
            RulesCommand.Create(context),
            TailnetCommand.Create(context),
            ClusterCommand.Create(context),
            VaultCommand.Create(context),
            TalosCommand.Create(context),
        };
}
