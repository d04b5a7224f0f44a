using System.CommandLine;
using Tazlab.Blueprint.Planning;
using Tazlab.Cli.Diff;
using Tazlab.Cli.Output;
using Tazlab.Stacks.Configuration;

namespace Tazlab.Cli.Commands;

/// <summary><c>plan</c>: validate a stack, build its graph, run the safety checks and write graph.mmd, graph.json and plan.json.</summary>
public static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var output = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "Where to write the plan's files (default: out/<stack>/ in the project folder).",
        };
        var format = new Option<string>("--format")
        {
            Description = "Summary on stdout: text (default) or json (plan.json).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var previous = new Option<FileInfo?>("--previous")
        {
            Description = "A plan.json applied before: any change to a bootstrap-only field (one a live cluster cannot take) fails the plan.",
        };
        var allowRebuild = new Option<bool>("--allow-rebuild")
        {
            Description = "Accept changes to bootstrap-only fields: the cluster will be rebuilt from nothing.",
        };
        var gitops = new Option<DirectoryInfo?>("--gitops")
        {
            Description = "A GitOps folder tree: every kustomization in it must list each YAML file beside it, and every listed file must exist.",
        };

        var diff = new Option<DirectoryInfo?>("--diff")
        {
            Description = "A folder rendered before (e.g. a base commit's out/<stack>): print how the files just written differ from it, instead of the summary. Secrets are redacted.",
        };
        var diffFormat = new Option<string>("--diff-format")
        {
            Description = "With --diff: text (default) or markdown (a pull-request comment).",
            DefaultValueFactory = _ => "text",
        };
        diffFormat.AcceptOnlyFromAmong("text", "markdown");
        var diffMaxChars = new Option<int>("--diff-max-chars")
        {
            Description = $"With --diff-format markdown: the most characters the comment may have; long file diffs are cut to fit (default {MarkdownDiffOptions.DefaultMaxLength}).",
            DefaultValueFactory = _ => MarkdownDiffOptions.DefaultMaxLength,
        };
        diffMaxChars.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < MarkdownDiffOptions.MinimumMaxLength)
            {
                result.AddError($"--diff-max-chars must be at least {MarkdownDiffOptions.MinimumMaxLength}");
            }
        });
        var exitCode = new Option<bool>("--exit-code")
        {
            Description = "With --diff: exit 1 when the folders differ (by default a difference still exits 0).",
        };

        var command = new Command("plan", "Validate a stack offline, build its bootstrap dependency graph, run every safety check and write the plan files. Exit 0 clean, 1 a safety check failed (or, with --diff --exit-code, the files differ), 2 invalid configuration or usage.")
        {
            stack, output, format, previous, allowRebuild, gitops, diff, diffFormat, diffMaxChars, exitCode, project,
        };
        command.SetAction(parse =>
        {
            var stackName = StackPlanning.ValueOf(parse, stack);
            var options = ReadOptions(context, parse.GetValue(previous), parse.GetValue(allowRebuild), parse.GetValue(gitops));
            if (options is null)
            {
                return ExitCodes.InvalidInput;
            }

            var diffBase = parse.GetValue(diff);
            if (diffBase is not null && !diffBase.Exists)
            {
                context.Stderr.WriteLine($"--diff: {ConfigScalar.Escape(diffBase.FullName)} does not exist; expected a folder rendered by an earlier plan (an empty folder when there is none)");
                return ExitCodes.InvalidInput;
            }

            if (diffBase is not null && parse.GetValue(format) == "json")
            {
                context.Stderr.WriteLine("--format json: stdout carries the diff with --diff; expected one of --format json and --diff");
                return ExitCodes.InvalidInput;
            }

            var plan = StackPlanning.Load(context, stackName, parse.GetValue(project), options, out var projectPath, parse.GetValue(format) == "json" && diffBase is null ? context.Stdout : null);
            if (plan is null)
            {
                return ExitCodes.InvalidInput;
            }

            var directory = parse.GetValue(output)?.FullName ?? Path.Combine(projectPath, "out", stackName);
            IReadOnlyList<KeyValuePair<string, string>> files;
            try
            {
                files = PlanWriter.Write(plan, directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The folder is as it was: the plan is written beside it and swapped in only once complete.
                var reason = ex switch
                {
                    UnauthorizedAccessException => "permission denied",
                    PathTooLongException => "a path is too long",
                    DirectoryNotFoundException => "a folder on the way does not exist",
                    _ when File.Exists(directory) => "it is a file",
                    _ => "the file system refused it",
                };
                context.Stderr.WriteLine($"--out: cannot write {ConfigScalar.Escape(directory)} ({reason}); nothing was changed there; expected a writable folder");
                return ExitCodes.InvalidInput;
            }

            if (diffBase is not null)
            {
                var report = new DiffReport(stackName, plan, Path.GetRelativePath(context.CurrentDirectory, diffBase.FullName), Path.GetRelativePath(context.CurrentDirectory, directory));
                var differs = report.Print(context.Stdout, diffBase.FullName, directory, parse.GetValue(diffFormat) == "markdown", parse.GetValue(diffMaxChars));
                if (plan.SafetyFailed)
                {
                    return ExitCodes.SafetyCheckFailed;
                }

                return differs && parse.GetValue(exitCode) ? ExitCodes.Differences : ExitCodes.Success;
            }

            if (parse.GetValue(format) == "json")
            {
                context.Stdout.Write(files.Single(f => f.Key == PlanWriter.PlanJsonFile).Value);
            }
            else
            {
                PlanSummaryPrinter.Print(ConsoleFactory.For(context.Stdout), plan, Path.GetRelativePath(context.CurrentDirectory, directory));
            }

            return plan.SafetyFailed ? ExitCodes.SafetyCheckFailed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads the files the options name; a missing or unreadable one is a usage error.</summary>
    private static PlanOptions? ReadOptions(CliContext context, FileInfo? previous, bool allowRebuild, DirectoryInfo? gitops)
    {
        string? previousJson = null;
        if (previous is not null)
        {
            previousJson = ReadPrevious(context, previous);
            if (previousJson is null)
            {
                return null;
            }
        }

        if (gitops is not null && !gitops.Exists)
        {
            context.Stderr.WriteLine($"--gitops: {ConfigScalar.Escape(gitops.FullName)} does not exist; expected a folder of kustomizations");
            return null;
        }

        return new PlanOptions(previousJson, allowRebuild, gitops?.FullName);
    }

    /// <summary>A plan.json is a few hundred kilobytes; /dev/zero or a disk image is not one.</summary>
    internal const int MaxPreviousBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The text of --previous, or null after a usage error: a folder, a file that is too big (read no further than
    /// the limit, so an endless file such as /dev/zero ends), or text that is not a plan.json.
    /// </summary>
    private static string? ReadPrevious(CliContext context, FileInfo previous)
    {
        const string Expected = "expected a plan.json written by an earlier plan";
        if (Directory.Exists(previous.FullName))
        {
            context.Stderr.WriteLine($"--previous: {ConfigScalar.Escape(previous.FullName)} is a folder; {Expected} (the plan.json inside it)");
            return null;
        }

        if (!previous.Exists)
        {
            context.Stderr.WriteLine($"--previous: {ConfigScalar.Escape(previous.FullName)} does not exist; {Expected}");
            return null;
        }

        string text;
        try
        {
            using var stream = previous.OpenRead();
            var buffer = new byte[MaxPreviousBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > MaxPreviousBytes)
            {
                context.Stderr.WriteLine($"--previous: {ConfigScalar.Escape(previous.FullName)} holds more than {MaxPreviousBytes} bytes; {Expected}");
                return null;
            }

            text = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"--previous: {ConfigScalar.Escape(previous.FullName)} cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : "the file system refused it")}); {Expected}");
            return null;
        }

        if (!Tazlab.Blueprint.Rendering.Talos.PreviousTalosPlan.TryRead(text, out _, out var problem))
        {
            context.Stderr.WriteLine($"--previous: {ConfigScalar.Escape(previous.FullName)} is not a plan ({problem}); {Expected}");
            return null;
        }

        return text;
    }
}
