using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Reading;
using Tazlab.Stacks.Validation;
using Tazlab.Stacks.Validation.PulumiCli;

namespace Tazlab.Stacks.Loading;

/// <summary>
/// Loads a stack offline from the project folder: <c>Pulumi.yaml</c> defaults, then
/// <c>Pulumi.&lt;stack&gt;.yaml</c>, then the reader, the stack rules, the cross-stack rules and what the Pulumi CLI
/// itself refuses. Nothing is decrypted and nothing is written.
/// </summary>
public static class StackLoader
{
    public static StackLoadResult Load(string projectDirectory, string stackName)
    {
        var diagnostics = new DiagnosticBag();
        var project = PulumiProjectReader.Read(projectDirectory, diagnostics);
        if (project is null)
        {
            return new StackLoadResult(null, diagnostics.Items);
        }

        PulumiProjectRules.Check(project, diagnostics);
        var file = StackFileReader.ReadFile(projectDirectory, stackName, project, diagnostics);
        if (file is null)
        {
            return new StackLoadResult(null, diagnostics.Items);
        }

        var config = Validate(StackFileReader.WithDefaults(file, project), diagnostics);
        if (config is not null)
        {
            ProjectValidator.Validate(config, Siblings(projectDirectory, project, stackName), diagnostics);
        }

        // After the program's own rules: a key they already reported is not reported again.
        PulumiStackRules.Check(project, file, diagnostics);

        return new StackLoadResult(diagnostics.HasErrors ? null : config, diagnostics.Items);
    }

    /// <summary>
    /// Reads and validates one source (offline files or <c>Pulumi.Config</c>). Returns null when any error was
    /// found; the diagnostics then say why.
    /// </summary>
    public static StackConfig? Validate(StackConfigSource source, DiagnosticBag diagnostics)
    {
        var config = StackConfigReader.Read(source, diagnostics);
        StackValidator.Validate(config, diagnostics);
        return diagnostics.HasErrors ? null : config;
    }

    /// <summary>
    /// The project's other stacks, each validated alone, for the cross-stack rules (one policy owner per tailnet,
    /// what a referencing stack reads). The Pulumi program, which gets its own stack from the engine, uses it too.
    /// </summary>
    public static IReadOnlyList<StackConfig> Siblings(string projectDirectory, PulumiProject project, string stackName) =>
        StackFileReader.ListStacks(projectDirectory)
            .Where(name => name != stackName)
            .Select(name => LoadAlone(projectDirectory, project, name))
            .OfType<StackConfig>()
            .ToList();

    private static StackConfig? LoadAlone(string projectDirectory, PulumiProject project, string stackName)
    {
        var diagnostics = new DiagnosticBag();
        var source = StackFileReader.Read(projectDirectory, stackName, project, diagnostics);
        return source is null ? null : Validate(source, diagnostics);
    }
}
