using Tazlab.ClusterApi.Talos;

namespace Tazlab.ClusterApi.Tests.Talos;

/// <summary>A talosctl that answers each subcommand as the test says and records every call.</summary>
internal sealed class ScriptedTalosctl(Func<IReadOnlyList<string>, TalosctlResult> answer) : ITalosctl
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Task<TalosctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Calls.Add(arguments);
        return Task.FromResult(answer(arguments));
    }

    public static TalosctlResult Version(string tag) =>
        new(0, $"Client:\n\tTag:         v1.12.1\nServer:\n\tNODE:        192.168.1.81\n\tTag:         {tag}\n\tSHA:         abc\n", string.Empty);

    public static readonly TalosctlResult Ok = new(0, string.Empty, string.Empty);
}
