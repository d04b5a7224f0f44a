using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Tazlab.Benchmarks;

namespace Tazlab.ProgramBenchmark;

/// <summary>
/// Whole processes of the program under the mocks, for prod, dev and the 10× estate: each timed from the moment it is
/// started to its last registered resource (the runtime's start-up, loading and JIT included, as a preview pays them),
/// interleaved round by round so a load that comes and goes falls on every case alike, after one warm-up round.
/// Prints each case's median and spread, allocations, and the 10×/prod ratio against its target.
/// </summary>
public static class ProgramTimer
{
    private const double Target = 2.0;

    private static readonly string[] EstateOrder = [Estates.Prod, Estates.Dev, Estates.TenTimes];

    /// <param name="programs">Label → the published benchmark executable (each label a way of publishing it).</param>
    public static int Run(IReadOnlyList<(string Label, string Path)> programs, int runs)
    {
        // The engine starts the program in its folder (Pulumi.yaml's main): the program's relative paths resolve from there.
        var programFolder = Path.Combine(ProjectDirectory.Find(), "infra");
        var results = new Dictionary<(string Label, string Estate), List<(double SinceStart, double Process, RunReport Report)>>();
        foreach (var (label, _) in programs)
        {
            foreach (var estate in EstateOrder)
            {
                results[(label, estate)] = [];
            }
        }

        for (var round = 0; round <= runs; round++)
        {
            foreach (var (label, path) in programs)
            {
                var order = EstateOrder.Skip(round % EstateOrder.Length).Concat(EstateOrder.Take(round % EstateOrder.Length));
                foreach (var estate in order)
                {
                    var run = Time(path, estate, programFolder);
                    if (round > 0)
                    {
                        results[(label, estate)].Add(run);
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} runs of each, interleaved, on {Environment.ProcessorCount} cores; times in ms"));
        Console.WriteLine($"{"program",-20} {"estate",-6} {"resources",9}  {"start to last resource: median (min-max)",-42} {"whole process",13} {"in Main",8} {"allocated",10}");
        foreach (var ((label, estate), values) in results)
        {
            var since = values.Select(v => v.SinceStart).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-20} {estate,-6} {values[0].Report.Resources,9}  {Statistics.Median(since),8:F0} ({since.Min(),6:F0}-{since.Max(),6:F0}){"",-24} {Statistics.Median(values.Select(v => v.Process).ToList()),13:F0} {Statistics.Median(values.Select(v => v.Report.ProgramMilliseconds).ToList()),8:F0} {Statistics.Median(values.Select(v => (double)v.Report.AllocatedBytes).ToList()) / 1048576,7:F1} MB"));
        }

        foreach (var (label, _) in programs)
        {
            var prod = results[(label, Estates.Prod)];
            var tenTimes = results[(label, Estates.TenTimes)];
            var ratios = prod.Zip(tenTimes, (p, t) => t.SinceStart / p.SinceStart).ToList();
            var ratio = Statistics.Median(ratios);
            var verdict = ratio <= Target ? "met" : "missed";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio 10x / prod ({label}): median {ratio:F2}x over the rounds (min {ratios.Min():F2}, max {ratios.Max():F2}; target <= {Target:F2}x: {verdict})"));
        }

        return 0;
    }

    private static (double SinceStart, double Process, RunReport Report) Time(string program, string estate, string workingDirectory)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(estate);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        stderr.Wait();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} run {estate} exited {process.ExitCode}: {stderr.Result}");
        }

        var report = JsonSerializer.Deserialize<RunReport>(stdout.Trim().Split('\n')[^1]) ?? throw new InvalidOperationException($"{program} run {estate} reported nothing");
        return (new TimeSpan(report.LastRegistrationUtcTicks - started.Ticks).TotalMilliseconds, elapsed, report);
    }
}
