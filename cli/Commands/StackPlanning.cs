using System.CommandLine;
using Tazlab.Blueprint.Planning;
using Tazlab.Cli.Output;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;

namespace Tazlab.Cli.Commands;

/// <summary>The steps every stack command shares: find the project, load and validate the stack, build its plan.</summary>
public static class StackPlanning
{
    /// <summary>Returns the plan, or null after reporting every problem (the caller exits with <see cref="ExitCodes.InvalidInput"/>).</summary>
    /// <param name="jsonErrors">With --format json, where the problems also go as one JSON document (stdout).</param>
    public static Plan? Load(CliContext context, string stack, DirectoryInfo? projectDirectory, PlanOptions options, out string projectPath, TextWriter? jsonErrors = null)
    {
        var loaded = LoadStack(context, stack, projectDirectory, out projectPath, jsonErrors);
        if (loaded?.Config is null)
        {
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var plan = PlanBuilder.Build(loaded.Config, [.. loaded.Warnings], diagnostics, options);
        if (plan is null)
        {
            Report(context, stack, [.. loaded.Warnings, .. diagnostics.Items], jsonErrors);
        }

        return plan;
    }

    /// <summary>
    /// Finds the project and loads the validated stack; returns null after reporting every problem (the caller
    /// exits with <see cref="ExitCodes.InvalidInput"/>). Commands that need only the configuration stop here.
    /// </summary>
    public static StackLoadResult? LoadStack(CliContext context, string stack, DirectoryInfo? projectDirectory, out string projectPath, TextWriter? jsonErrors = null)
    {
        projectPath = ProjectLocator.Find(projectDirectory, context.CurrentDirectory) ?? string.Empty;
        if (projectPath.Length == 0)
        {
            var where = projectDirectory?.FullName ?? context.CurrentDirectory;
            Report(context, stack, [new Diagnostic(Severity.Error, "--project-dir", $"no Pulumi.yaml in {where} or its parents", "the folder of the tazlab project")], jsonErrors);
            return null;
        }

        var loaded = StackLoader.Load(projectPath, stack);
        if (loaded.Config is null)
        {
            Report(context, stack, loaded.Diagnostics, jsonErrors);
            return null;
        }

        return loaded;
    }

    private static void Report(CliContext context, string stack, IReadOnlyList<Diagnostic> diagnostics, TextWriter? jsonErrors)
    {
        DiagnosticPrinter.Print(context.Stderr, diagnostics);
        if (jsonErrors is not null)
        {
            DiagnosticJsonWriter.Write(jsonErrors, stack, diagnostics);
        }
    }

    public static string ValueOf(ParseResult parse, Option<string> option) => parse.GetValue(option) ?? string.Empty;
}
