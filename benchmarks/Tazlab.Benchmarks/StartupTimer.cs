using System.Diagnostics;
using System.Globalization;

namespace Tazlab.Benchmarks;

/// <summary>
/// Wall time of whole processes, started one after another on this machine: the published CLI's
/// <c>plan --stack prod</c> against a published hello-world, both after one warm-up run. Prints median and spread.
/// </summary>
public static class StartupTimer
{
    public static int Run(string tazlab, string hello, int runs)
    {
        var project = ProjectDirectory.Find();
        var output = Directory.CreateTempSubdirectory("tazlab-bench-").FullName;
        var helloTimes = Time(hello, [], project, runs);
        var planTimes = Time(tazlab, ["plan", "--stack", "prod", "--out", output], project, runs);
        var plan10 = Median(planTimes);
        var baseline = Median(helloTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hello-world          median {baseline,7:F1} ms  (min {helloTimes.Min(),7:F1}, max {helloTimes.Max(),7:F1}, {runs} runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan --stack prod    median {plan10,7:F1} ms  (min {planTimes.Min(),7:F1}, max {planTimes.Max(),7:F1}, {runs} runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio plan/hello     {plan10 / baseline:F2}x (target <= 1.50x)"));
        Directory.Delete(output, recursive: true);
        return 0;
    }

    private static List<double> Time(string program, string[] args, string workingDirectory, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}");
            }

            // The first run warms the disk cache and is not counted.
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
