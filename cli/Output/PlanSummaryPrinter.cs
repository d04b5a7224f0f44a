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

        if (context.ClusterChange is { } change)
        {
            PrintClusterChange(console, change);
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

    /// <summary>What the next up does to the running cluster, compared with --previous: the waves in order, then nodes added and removed.</summary>
    private static void PrintClusterChange(IAnsiConsole console, Blueprint.Lifecycle.ClusterChange change)
    {
        if (change.Waves.Count == 0)
        {
            console.MarkupLine("Upgrade: none (the running nodes keep their Talos and Kubernetes versions)");
        }
        else
        {
            console.MarkupLine($"Upgrade waves, in order (estimated {DurationParser.Format(change.Estimate)}; each waits until its nodes are Ready and etcd is healthy):");
            var waves = new AlignedRows("Wave", "Upgrades", "Nodes", "From", "To", "Estimate");
            foreach (var wave in change.Waves)
            {
                waves.Add(
                    TextCell.Plain(wave.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    TextCell.Plain(wave.KindName),
                    TextCell.Plain(string.Join(", ", wave.Nodes)),
                    TextCell.Plain(wave.From),
                    TextCell.Plain(wave.To),
                    TextCell.Plain(DurationParser.Format(wave.Estimate)));
            }

            waves.Write(console);
            console.MarkupLine("pulumi up runs each wave in this order with talosctl (tazlab talos upgrade-node, then talos upgrade-k8s), which must be installed on the machine that runs it: the cluster's Talos minor or newer. A failed node stops the wave; the next up carries on from it.");
        }

        foreach (var node in change.Added)
        {
            console.MarkupLine($"Node added: {Markup.Escape(node.Name)} ({(node.Role == Stacks.Model.NodeRole.ControlPlane ? "control plane" : "worker")}), created at {Markup.Escape(change.Current.TalosVersion)} directly");
        }

        foreach (var node in change.Removed)
        {
            console.MarkupLine(node.Role == Stacks.Model.NodeRole.ControlPlane
                ? $"Node removed: {Markup.Escape(node.Name)} (control plane): it leaves etcd, is drained and reset (talosctl reset --graceful), and its Node object deleted, before its VM goes"
                : $"Node removed: {Markup.Escape(node.Name)} (worker): it is drained and reset (talosctl reset --graceful), and its Node object deleted, before its VM goes");
        }
    }

    private static TextCell Status(RuleStatus status) => status switch
    {
        RuleStatus.Pass => new("pass", "[green]pass[/]"),
        RuleStatus.Warn => new("warn", "[yellow]warn[/]"),
        RuleStatus.Skipped => new("skipped", "[grey]skipped[/]"),
        _ => new("FAIL", "[red]FAIL[/]"),
    };
}
