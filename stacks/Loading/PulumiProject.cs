namespace Tazlab.Stacks.Loading;

/// <summary>What the offline tools need from <c>Pulumi.yaml</c>.</summary>
/// <param name="Name">Project name; also the namespace of the project's own configuration keys.</param>
/// <param name="Main">The program folder (<c>main:</c>).</param>
/// <param name="Config">Declared configuration keys by fully qualified key.</param>
public sealed record PulumiProject(string Name, string? Main, IReadOnlyDictionary<string, ConfigDeclaration> Config);
