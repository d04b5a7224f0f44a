using System.CommandLine;
using Spectre.Console;
using Tazlab.Blueprint.Rules;
using Tazlab.Cli.Output;

namespace Tazlab.Cli.Commands;

/// <summary><c>rules</c>: every safety rule with its id, what it checks and how to fix a failure.</summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "List every safety rule plan runs: id, what it checks, and the fix when it fails.");
        command.SetAction(_ =>
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("Rule").AddColumn("Checks").AddColumn("Fix");
            foreach (var rule in SafetyRules.All.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                table.AddRow(rule.Id, Markup.Escape(rule.Title), Markup.Escape(rule.Fix));
            }

            ConsoleFactory.For(context.Stdout).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
