namespace Tazlab.Blueprint.Rendering.VaultServer.CloudInit;

/// <summary>
/// One <c>runcmd</c> entry as an argument vector: cloud-init quotes every argument, so a value (an auth key, a
/// host name) can never be read as shell syntax. Pipelines are spelled out with <c>sh -c</c>.
/// </summary>
public sealed record ShellCommand(IReadOnlyList<string> Arguments)
{
    public static ShellCommand Of(params string[] arguments) => new(arguments);

    public static ShellCommand Shell(string script) => new(["sh", "-c", script]);

    public bool Equals(ShellCommand? other) => other is not null && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => Arguments.Aggregate(0, (hash, argument) => HashCode.Combine(hash, argument));
}
