using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tazlab.Cli.Output;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Reading;
using Tazlab.TailnetApi.Client;
using Tazlab.TailnetApi.Pruning;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>tailnet prune</c>: deletes the stack's ghost devices - offline devices left behind by a destroy/create,
/// whose existence pushes the new device to a -N name while the canonical MagicDNS name points at a dead one.
/// </summary>
public static class TailnetPruneCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Show what would be deleted; delete nothing.",
        };
        var olderThan = new Option<string>("--older-than")
        {
            Description = $"Delete offline devices only when last seen longer ago than this ({DurationParser.Expected}; default {DurationParser.Format(PruneOptions.DefaultOlderThan)}).",
            DefaultValueFactory = _ => DurationParser.Format(PruneOptions.DefaultOlderThan),
        };
        var includeOnline = new Option<bool>("--include-online")
        {
            Description = "Also delete online devices of the platform (never the online holder of a canonical name).",
        };

        var command = new Command(
            "prune",
            "Delete the stack's stale devices from the tailnet: devices named after a platform device (or its -N copy) or carrying a platform tag, "
            + $"offline for longer than --older-than. Credentials from {TailscaleEnvironment.ClientIdVariable} + {TailscaleEnvironment.ClientSecretVariable} or {TailscaleEnvironment.ApiKeyVariable}. "
            + "Exit 0 done, 1 some deletions failed, 2 usage, configuration or credentials.")
        {
            stack, dryRun, olderThan, includeOnline, project,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var text = parse.GetValue(olderThan) ?? string.Empty;
            if (!DurationParser.TryParse(text, out var threshold))
            {
                context.Stderr.WriteLine($"--older-than: '{ConfigScalar.Printable(text)}' is not a duration; expected {DurationParser.Expected}");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var options = new PruneOptions(threshold, parse.GetValue(includeOnline), parse.GetValue(dryRun));
            return RunAsync(context, StackPlanning.ValueOf(parse, stack), parse.GetValue(project), options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string stackName, DirectoryInfo? projectDirectory, PruneOptions options, CancellationToken cancellationToken)
    {
        var loaded = StackPlanning.LoadStack(context, stackName, projectDirectory, out var projectPath);
        if (loaded?.Config is not { } config)
        {
            return ExitCodes.InvalidInput;
        }

        DiagnosticPrinter.Print(context.Stderr, [.. loaded.Warnings]);
        var settings = TailscaleEnvironment.Read(context.Environment, out var problems);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                context.Stderr.WriteLine(problem);
            }

            context.Stderr.WriteLine("Nothing was deleted.");
            return ExitCodes.InvalidInput;
        }

        // The project's other stacks decide which of this stack's tags are shared, and so not enough alone.
        var otherStacks = StackFileReader.ListStacks(projectPath)
            .Where(name => name != stackName)
            .Select(name => StackLoader.Load(projectPath, name).Config)
            .OfType<StackConfig>();
        var platform = PlatformDevices.From(config, otherStacks);
        await using var services = new ServiceCollection().AddTailscaleApi(settings).BuildServiceProvider();
        var pruner = services.GetRequiredService<DevicePruner>();
        PruneResult result;
        try
        {
            result = await pruner.RunAsync(platform, options, cancellationToken).ConfigureAwait(false);
        }
        catch (TailscaleApiException ex)
        {
            context.Stderr.WriteLine($"tailnet prune: {ex.Message}");
            context.Stderr.WriteLine("Nothing was deleted.");
            return ex.Failure == TailscaleFailure.AccessDenied ? ExitCodes.InvalidInput : ExitCodes.OperationFailed;
        }

        PruneReportPrinter.Print(ConsoleFactory.For(context.Stdout), config.StackName, platform, result, services.GetRequiredService<TimeProvider>().GetUtcNow());
        return result.AnyFailed ? ExitCodes.OperationFailed : ExitCodes.Success;
    }
}
