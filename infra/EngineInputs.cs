using Pulumi;
using Tazlab.Components.Secrets;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;

namespace Tazlab.Infra;

/// <summary>What the program reads from its surroundings: the stack's configuration, its secrets and the project folder.</summary>
/// <param name="Source">Every configuration key the engine passed (secret values dropped: the model only learns they are set).</param>
/// <param name="ProjectDirectory">The folder with Pulumi.yaml: sibling stacks are read from it.</param>
public sealed record EngineInputs(StackConfigSource Source, IStackSecrets Secrets, string ProjectDirectory)
{
    /// <summary>Reads the run's environment variables (the Tailscale credentials); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The project folder relative to the program's folder, where the engine starts the program and its providers:
    /// the local commands run the tazlab CLI there, and Vault's CA file lies under it, without the state holding this
    /// machine's absolute path.
    /// </summary>
    public string ProjectRoot => _projectRoot ??= PulumiProjectReader.Read(ProjectDirectory, new Stacks.Validation.DiagnosticBag())?.RootFromProgram
        ?? throw new RunException($"{PulumiProjectReader.FileName} in {ProjectDirectory} cannot be read, so the project folder of the program's commands is not known.");

    private string? _projectRoot;

    /// <summary>The engine's serialisation of the configuration (the variables the Pulumi SDKs read) and Pulumi.Config for secrets.</summary>
    public static EngineInputs FromEnvironment()
    {
        var source = EngineConfigReader.ReadEnvironment(
            Deployment.Instance.ProjectName,
            Deployment.Instance.StackName,
            System.Environment.GetEnvironmentVariable("PULUMI_CONFIG"),
            System.Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS"));
        var directory = PulumiProjectReader.FindProjectDirectory(System.Environment.CurrentDirectory) ?? System.Environment.CurrentDirectory;
        return new EngineInputs(source, new PulumiStackSecrets(), directory);
    }
}
