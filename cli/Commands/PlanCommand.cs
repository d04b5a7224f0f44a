using System.CommandLine;
using Tazlab.Blueprint.Planning;
using Tazlab.Cli.Output;

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

        var command = new Command("plan", "Validate a stack offline, build its bootstrap dependency graph, run every safety check and write the plan files. Exit 0 clean, 1 a safety check failed, 2 invalid configuration or usage.")
        {
            stack, output, format, project,
        };
        command.SetAction(parse =>
        {
            var stackName = StackPlanning.ValueOf(parse, stack);
            var plan = StackPlanning.Load(context, stackName, parse.GetValue(project), out var projectPath);
            if (plan is null)
            {
                return ExitCodes.InvalidInput;
            }

            var directory = parse.GetValue(output)?.FullName ?? Path.Combine(projectPath, "out", stackName);
            try
            {
                PlanWriter.Write(plan, directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Stderr.WriteLine($"--out: cannot write {directory}: {ex.Message}; expected a writable folder");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(format) == "json")
            {
                context.Stdout.Write(PlanWriter.Render(plan).Single(f => f.Key == PlanWriter.PlanJsonFile).Value);
            }
            else
            {
                PlanSummaryPrinter.Print(ConsoleFactory.For(context.Stdout), plan, Path.GetRelativePath(context.CurrentDirectory, directory));
            }

            return plan.SafetyFailed ? ExitCodes.SafetyCheckFailed : ExitCodes.Success;
        });
        return command;
    }
}
