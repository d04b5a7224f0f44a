using System.Diagnostics;
using Tazlab.Cli;

namespace Tazlab.Fuzzing;

/// <summary>
/// Runs <c>plan</c> in-process on mutated copies of a project's stack files, each case in a copy of the project of
/// its own worker. Case <c>i</c> of seed <c>s</c> is the same file on every machine and at any worker count, so a
/// failure is replayed with <c>--seed s --first i --cases 1</c>.
/// </summary>
public sealed class StackFileFuzzer(string projectDirectory, TimeSpan hangLimit)
{
    private readonly string[] _stacks = [.. Directory.EnumerateFiles(projectDirectory, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length]).Order(StringComparer.Ordinal)];

    /// <summary>Runs cases <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    /// <param name="onResult">Called for every case, from the worker that ran it.</param>
    public FuzzReport Run(int seed, int first, int count, int workers, Action<FuzzResult>? onResult = null)
    {
        var results = new FuzzResult?[count];
        var clock = Stopwatch.StartNew();
        var stopped = 0;
        var threads = Enumerable.Range(0, Math.Max(1, workers)).Select(w => new Thread(() =>
        {
            using var workspace = Workspace.CopyOf(projectDirectory);
            for (var i = w; i < count && Volatile.Read(ref stopped) == 0; i += Math.Max(1, workers))
            {
                var result = RunCase(workspace, CaseOf(seed, first + i));
                results[i] = result;
                onResult?.Invoke(result);
                if (result.Verdict == FuzzVerdict.Hang)
                {
                    // The hung run still holds this workspace: stop rather than share it.
                    Interlocked.Exchange(ref stopped, 1);
                }
            }
        })
        { IsBackground = true, Name = $"fuzz-{w}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new FuzzReport(seed, [.. results.OfType<FuzzResult>()], clock.Elapsed);
    }

    /// <summary>The mutated file of case <paramref name="index"/>: from the seed and the index alone.</summary>
    public FuzzCase CaseOf(int seed, int index)
    {
        // Not HashCode.Combine: it is seeded per process, and a case must be the same on every run.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var stack = _stacks[random.Next(_stacks.Length)];
        var original = File.ReadAllBytes(Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml"));
        var mutations = new List<Mutation>();
        var bytes = new StackTextMutator(random).Mutate(original, mutations);
        return new FuzzCase(index, stack, mutations, bytes);
    }

    private FuzzResult RunCase(Workspace workspace, FuzzCase fuzzCase)
    {
        var stackFile = Path.Combine(workspace.Directory, $"Pulumi.{fuzzCase.Stack}.yaml");
        var outDir = Path.Combine(workspace.Directory, "out-fuzz");
        File.WriteAllBytes(stackFile, fuzzCase.Bytes);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => CliApp.Run(["plan", "--stack", fuzzCase.Stack, "--out", outDir], stdout, stderr, workspace.Directory));
        try
        {
            if (!run.Wait(hangLimit))
            {
                return new FuzzResult(fuzzCase, FuzzVerdict.Hang, null, clock.Elapsed, $"no answer after {hangLimit.TotalSeconds:F0} s");
            }
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException ?? e;
            return new FuzzResult(fuzzCase, FuzzVerdict.Crash, null, clock.Elapsed, $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}");
        }
        finally
        {
            if (run.IsCompleted)
            {
                workspace.Restore(fuzzCase.Stack);
            }
        }

        var elapsed = clock.Elapsed;
        var written = Directory.Exists(outDir);
        var (verdict, detail) = OutputOracle.Judge(run.Result, stdout.ToString(), stderr.ToString(), written, File.Exists(Path.Combine(outDir, "plan.json")));
        if (written)
        {
            Directory.Delete(outDir, recursive: true);
        }

        return new FuzzResult(fuzzCase, verdict, run.Result, elapsed, detail);
    }
}
