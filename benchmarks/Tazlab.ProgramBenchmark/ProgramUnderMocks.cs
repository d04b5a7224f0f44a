using System.Diagnostics;
using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Tazlab.Benchmarks;
using Tazlab.EngineMocks;
using Tazlab.Infra;

namespace Tazlab.ProgramBenchmark;

/// <summary>
/// One run of the real program, as <c>pulumi preview</c> starts it, under the engine mocks the program's tests use
/// (every provider answers at once, so what is measured is the program and the Pulumi SDK, not the providers).
/// </summary>
public static class ProgramUnderMocks
{
    /// <param name="startedUtc">The clock when Main was entered, and <paramref name="startedTimestamp"/> the stopwatch then.</param>
    public static async Task<int> RunAsync(string estate, DateTime startedUtc, long startedTimestamp)
    {
        var project = ProjectDirectory.Find();
        var source = StackCredentials.Added(Estates.Source(estate, project));
        var mocks = new RecordingMocks(ProviderAnswers.For(source));
        var inputs = new EngineInputs(source, new MarkedSecrets(source.Values.Keys.ToHashSet(StringComparer.Ordinal)), project)
        {
            Environment = name => UserEnvironment.Default.GetValueOrDefault(name),
        };
        try
        {
            await Deployment.TestAsync(mocks, new TestOptions { IsPreview = true, ProjectName = source.ProjectName, StackName = source.StackName }, () => PlatformProgram.Run(inputs));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"the program failed under the mocks for the {estate} estate: {e.Message}");
            return 1;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sinceMain = Stopwatch.GetElapsedTime(startedTimestamp, mocks.LastRegistration);
        var report = new RunReport(mocks.Registered, (startedUtc + sinceMain).Ticks, sinceMain.TotalMilliseconds, allocated);
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }
}
