using System.CommandLine;
using Tazlab.Blueprint.Graph;
using Tazlab.Blueprint.Planning;

namespace Tazlab.Cli.Commands;

/// <summary><c>graph</c>: the stack's bootstrap dependency graph as Mermaid on stdout.</summary>
public static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.ProjectDirectory();
        var command = new Command("graph", "Print the stack's bootstrap dependency graph as a Mermaid flowchart (phases as subgraphs; provisioning -->, runtime -.->, secret source ==>).")
        {
            stack, project,
        };
        command.SetAction(parse =>
        {
            var plan = StackPlanning.Load(context, StackPlanning.ValueOf(parse, stack), parse.GetValue(project), PlanOptions.None, out _);
            if (plan is null)
            {
                return ExitCodes.InvalidInput;
            }

            context.Stdout.Write(MermaidWriter.Write(plan.Context.Graph, plan.Context.Analysis));
            return ExitCodes.Success;
        });
        return command;
    }
}
