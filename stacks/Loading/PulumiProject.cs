namespace Tazlab.Stacks.Loading;

/// <summary>What the offline tools need from <c>Pulumi.yaml</c>.</summary>
/// <param name="Name">Project name; also the namespace of the project's own configuration keys.</param>
/// <param name="Main">The program folder (<c>main:</c>).</param>
/// <param name="Config">Declared configuration keys by fully qualified key.</param>
public sealed record PulumiProject(string Name, string? Main, IReadOnlyDictionary<string, ConfigDeclaration> Config)
{
    /// <summary>
    /// The project folder as seen from the program's folder (<c>..</c> for <c>main: infra/</c>). The engine starts the
    /// program and its provider plugins in the program's folder, so a command given this relative folder runs in the
    /// project wherever the checkout is, and the state never holds one machine's absolute path.
    /// </summary>
    public string RootFromProgram
    {
        get
        {
            var depth = (Main ?? string.Empty).Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Count(part => part != ".");
            return depth == 0 ? "." : string.Join('/', Enumerable.Repeat("..", depth));
        }
    }
}
