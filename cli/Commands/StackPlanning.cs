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
    public static Plan? Load(CliContext context, string stack, DirectoryInfo? projectDirectory, PlanOptions options, out string projectPath)
    {
        var loaded = LoadStack(context, stack, projectDirectory, out projectPath);
        if (loaded?.Config is null)
        {
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var plan = PlanBuilder.Build(loaded.Config, [.. loaded.Warnings], diagnostics, options);
        if (plan is null)
        {
            DiagnosticPrinter.Print(context.Stderr, [.. loaded.Warnings, .. diagnostics.Items]);
        }

        return plan;
    }

    /// <summary>
    /// Finds the project and loads the validated stack; returns null after reporting every problem (the caller
    /// exits with <see cref="ExitCodes.InvalidInput"/>). Commands that need only the configuration stop here.
    /// </summary>
    public static StackLoadResult? LoadStack(CliContext context, string stack, DirectoryInfo? projectDirectory, out string projectPath)
    {
        projectPath = ProjectLocator.Find(projectDirectory, context.CurrentDirectory) ?? string.Empty;
        if (projectPath.Length == 0)
        {
            var where = projectDirectory?.FullName ?? context.CurrentDirectory;
            DiagnosticPrinter.Print(context.Stderr, [new Diagnostic(Severity.Error, "--project-dir", $"no Pulumi.yaml in {where} or its parents", "the folder of the tazlab project")]);
            return null;
        }

        var loaded = StackLoader.Load(projectPath, stack);
        if (loaded.Config is null)
        {
            DiagnosticPrinter.Print(context.Stderr, loaded.Diagnostics);
            return null;
        }

        return loaded;
    }

    public static string ValueOf(ParseResult parse, Option<string> option) => parse.GetValue(option) ?? string.Empty;
}
