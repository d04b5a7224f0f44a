using Tazlab.ClusterApi.Health;

namespace Tazlab.ClusterApi.Tests;

/// <summary>A probe that answers from a script, then repeats its last answer.</summary>
internal sealed class ScriptedProbe(params ClusterHealth[] answers) : IClusterProbe
{
    public int Calls { get; private set; }

    public Task<ClusterHealth> ProbeAsync(IReadOnlyList<string> expectedNodes, CancellationToken cancellationToken) =>
        Task.FromResult(answers[Math.Min(Calls++, answers.Length - 1)]);
}
