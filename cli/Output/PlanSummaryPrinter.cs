using Spectre.Console;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Reading;

namespace Tazlab.Cli.Output;

/// <summary>The short text summary of a plan: phases, critical path against the serial total, checks, warnings.</summary>
public static class PlanSummaryPrinter
{
    public static void Print(IAnsiConsole console, Plan plan, string? writtenTo)
    {
        var context = plan.Context;
        var analysis = context.Analysis;
        console.MarkupLine($"[bold]Stack {Markup.Escape(context.Config.StackName)}[/] ({Markup.Escape(context.Config.ProjectName)}): {context.Graph.Nodes.Count} parts, {context.Graph.Edges.Count} dependencies");
        if (writtenTo is not null)
        {
            console.MarkupLine($"Files written to {Markup.Escape(writtenTo)}");
        }

        if (analysis.IsAcyclic)
        {
            var phases = new AlignedRows("Phase", "Parts");
            for (var p = 0; p < analysis.Phases.Count; p++)
            {
                phases.Add(TextCell.Plain((p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), TextCell.Plain(string.Join(", ", analysis.Phases[p])));
            }

            phases.Write(console);
            console.MarkupLine($"Critical path {DurationParser.Format(analysis.CriticalDuration)} (serial total {DurationParser.Format(analysis.SerialDuration)}): {Markup.Escape(string.Join(" → ", analysis.CriticalPath))}");
        }
        else
        {
            console.MarkupLine("[red]No bring-up order exists: the dependency graph has a cycle.[/]");
        }

        var checks = new AlignedRows("Check", "Result", "Rule");
        foreach (var check in plan.Checks)
        {
            checks.Add(TextCell.Plain(check.RuleId), Status(check.Status), TextCell.Plain(check.Title));
        }

        checks.Write(console);
        foreach (var check in plan.Checks.Where(c => c.Status is RuleStatus.Fail or RuleStatus.Warn))
        {
            foreach (var message in check.Messages)
            {
                console.MarkupLine($"{check.RuleId}: {Markup.Escape(message)}");
            }

            console.MarkupLine($"{check.RuleId} fix: {Markup.Escape(check.Fix)}");
        }

        foreach (var warning in plan.Warnings)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(warning.ToString())}[/]");
        }

        var failed = plan.Checks.Count(c => c.Status == RuleStatus.Fail);
        var skipped = plan.Checks.Count(c => c.Status == RuleStatus.Skipped);
        var ran = plan.Checks.Count - skipped;
        var tail = skipped == 0 ? string.Empty : $" ({skipped} skipped)";
        console.MarkupLine(failed == 0
            ? $"{ran} checks passed{tail}."
            : $"[red]{failed} of {ran} checks failed{tail}.[/]");
    }

    private static TextCell Status(RuleStatus status) => status switch
    {
        RuleStatus.Pass => new("pass", "[green]pass[/]"),
        RuleStatus.Warn => new("warn", "[yellow]warn[/]"),
        RuleStatus.Skipped => new("skipped", "[grey]skipped[/]"),
        _ => new("FAIL", "[red]FAIL[/]"),
    };
}
