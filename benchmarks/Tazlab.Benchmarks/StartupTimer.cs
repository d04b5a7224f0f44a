using System.Diagnostics;
using System.Globalization;

namespace Tazlab.Benchmarks;

/// <summary>
/// Wall time of whole processes on this machine: the published CLI's <c>plan --stack prod</c> against a
/// published hello-world, each published both ReadyToRun (JIT runtime) and Native AOT. The programs run
/// interleaved (one of each per round, after one warm-up round), so a load that comes and goes on the
/// machine falls on all of them alike. Prints median and spread, and the ratios against the 1.5× target.
/// </summary>
public static class StartupTimer
{
    private const double Target = 1.5;

    /// <param name="programs">Label → executable; labels starting "plan" run <c>plan --stack prod</c>, the others run bare.</param>
    public static int Run(IReadOnlyList<(string Label, string Path)> programs, int runs)
    {
        var project = ProjectDirectory.Find();
        var output = Directory.CreateTempSubdirectory("tazlab-bench-").FullName;
        var times = programs.ToDictionary(p => p.Label, _ => new List<double>());
        for (var round = 0; round <= runs; round++)
        {
            foreach (var (label, path) in programs)
            {
                string[] args = label.StartsWith("plan", StringComparison.Ordinal) ? ["plan", "--stack", "prod", "--out", output] : [];
                var elapsed = Time(path, args, project);

                // The first round warms the disk cache and is not counted.
                if (round > 0)
                {
                    times[label].Add(elapsed);
                }
            }
        }

        Directory.Delete(output, recursive: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} runs each, interleaved, on {Environment.ProcessorCount} cores"));
        foreach (var (label, values) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-24} median {Statistics.Median(values),7:F1} ms  (min {values.Min(),7:F1}, max {values.Max(),7:F1})"));
        }

        foreach (var plan in times.Keys.Where(l => l.StartsWith("plan", StringComparison.Ordinal)))
        {
            foreach (var hello in times.Keys.Where(l => l.StartsWith("hello", StringComparison.Ordinal)))
            {
                // A JIT-runtime CLI against a native hello-world compares two things at once: not reported.
                if (plan.EndsWith("(R2R)", StringComparison.Ordinal) && hello.EndsWith("(AOT)", StringComparison.Ordinal))
                {
                    continue;
                }

                var ratio = Statistics.Median(times[plan]) / Statistics.Median(times[hello]);
                var verdict = ratio <= Target ? "met" : "missed";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {plan} / {hello}: {ratio:F2}x (target <= {Target:F2}x: {verdict})"));
            }
        }

        return 0;
    }

    private static double Time(string program, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        stderr.Wait();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        }

        return elapsed;
    }
}
