using System.Diagnostics;
using Pulumi.Testing;

namespace Tazlab.ProgramBenchmark;

/// <summary>The engine mocks, noting when the last resource was registered and how many were.</summary>
public sealed class RecordingMocks(IMocks inner) : IMocks
{
    private long _lastRegistration;
    private int _registered;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> at the last registration.</summary>
    public long LastRegistration => Interlocked.Read(ref _lastRegistration);

    public int Registered => _registered;

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var answer = await inner.NewResourceAsync(args).ConfigureAwait(false);
        Interlocked.Increment(ref _registered);
        Interlocked.Exchange(ref _lastRegistration, Stopwatch.GetTimestamp());
        return answer;
    }

    public Task<object> CallAsync(MockCallArgs args) => inner.CallAsync(args);
}
