using Spectre.Console;
using Tazlab.TailnetApi.Client;
using Tazlab.TailnetApi.Pruning;

namespace Tazlab.Cli.Output;

/// <summary>The devices a prune run considered - name, tags, online or last seen, action, reason - and a count per action.</summary>
public static class PruneReportPrinter
{
    public static void Print(IAnsiConsole console, string stack, PlatformDevices platform, PruneResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLine($"[bold]Stack {Markup.Escape(stack)}[/] in tailnet {Markup.Escape(platform.Tailnet)}");
        console.MarkupLine($"Platform devices: {Markup.Escape(string.Join(", ", platform.DeviceNames))} (and their -N copies)");
        console.MarkupLine($"Platform tags: {Markup.Escape(string.Join(", ", platform.Tags))}");
        if (result.Decisions.Count == 0)
        {
            console.MarkupLine("No device of the platform is in the tailnet.");
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn(new TableColumn("Device").NoWrap())
                .AddColumn("Tags")
                .AddColumn(new TableColumn("Seen").NoWrap())
                .AddColumn(new TableColumn("Action").NoWrap())
                .AddColumn("Reason");
            foreach (var decision in result.Decisions)
            {
                var device = decision.Device;
                table.AddRow(
                    Markup.Escape(device.Name.Length > 0 ? device.Name : device.Hostname),
                    Markup.Escape(string.Join(", ", device.Tags)),
                    Markup.Escape(Seen(device, now)),
                    ActionMarkup(decision.Action),
                    Markup.Escape(decision.Reason));
            }

            console.Write(table);
        }

        var others = result.DevicesListed - result.Decisions.Count - result.OutsideTailnet;
        console.MarkupLine($"{others} other {(others == 1 ? "device" : "devices")} in the tailnet {(others == 1 ? "is" : "are")} not the platform's and {(others == 1 ? "was" : "were")} left alone.");
        if (result.OutsideTailnet > 0)
        {
            console.MarkupLine($"[yellow]{result.OutsideTailnet} listed {(result.OutsideTailnet == 1 ? "device is" : "devices are")} not in tailnet {Markup.Escape(platform.Tailnet)} and {(result.OutsideTailnet == 1 ? "was" : "were")} left alone; if that is every device, the credentials or {TailscaleEnvironment.TailnetVariable} belong to another tailnet.[/]");
        }

        var kept = result.Count(PruneAction.Kept);
        console.MarkupLine(result.DryRun
            ? $"Dry run: {result.Count(PruneAction.WouldDelete)} would be deleted, {kept} kept; nothing was deleted."
            : $"{result.Count(PruneAction.Deleted)} deleted, {result.Count(PruneAction.DeleteFailed)} failed, {kept} kept.");
    }

    private static string Seen(TailscaleDevice device, DateTimeOffset now) => device.ConnectedToControl switch
    {
        true => "online",
        null => "unknown",
        false when device.LastSeen is { } seen => $"offline, {PruneSelector.Describe(now - seen)} ago",
        false => "offline, never seen",
    };

    private static string ActionMarkup(PruneAction action) => action switch
    {
        PruneAction.Kept => "kept",
        PruneAction.WouldDelete => "[yellow]would delete[/]",
        PruneAction.Deleted => "[green]deleted[/]",
        _ => "[red]delete failed[/]",
    };
}
