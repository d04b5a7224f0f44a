using Pulumi;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;

namespace Tazlab.Infra;

/// <summary>
/// Everything checked before a single resource is registered: the configuration (the same reader and rules as the
/// offline <c>plan</c>, plus the credentials <c>pulumi up</c> needs) and the plan's safety rules, the bootstrap
/// cycle check among them. Every problem is reported at once, without a stack trace.
/// </summary>
public static class PlatformChecks
{
    public static Plan Run(EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var diagnostics = new DiagnosticBag();
        var config = StackLoader.Validate(inputs.Source, diagnostics);
        if (config is not null)
        {
            var project = PulumiProjectReader.Read(inputs.ProjectDirectory, new DiagnosticBag());
            if (project is not null)
            {
                ProjectValidator.Validate(config, StackLoader.Siblings(inputs.ProjectDirectory, project, config.StackName), diagnostics);
            }

            ApplyRequirements.Check(config, inputs.Source, inputs.Environment, diagnostics);
            ToolRequirements.Check(inputs.Environment, Deployment.Instance.IsDryRun, diagnostics);
        }

        if (config is null || diagnostics.HasErrors)
        {
            throw Refuse("configuration", diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList());
        }

        foreach (var warning in diagnostics.Items.Where(d => d.Severity == Severity.Warning))
        {
            Log.Warn(warning.Message);
        }

        var plan = PlanBuilder.Build(config, [.. diagnostics.Items], diagnostics)
            ?? throw Refuse("configuration", diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList());
        var failed = plan.Checks.Where(c => c.Status == RuleStatus.Fail).ToList();
        if (failed.Count > 0)
        {
            throw Refuse("safety checks", failed.SelectMany(c => c.Messages.Select(m => $"{c.RuleId} {c.Title}: {m} (fix: {c.Fix})")).ToList());
        }

        return plan;
    }

    /// <summary>A RunException: the Pulumi SDK prints its message and never a stack trace.</summary>
    private static RunException Refuse(string what, IReadOnlyList<string> problems) => new(
        $"The stack's {what} has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}; nothing was registered:\n"
        + string.Join('\n', problems.Select(p => "  " + p)));
}
