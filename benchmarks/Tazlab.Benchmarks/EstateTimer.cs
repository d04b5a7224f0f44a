using System.Diagnostics;
using System.Globalization;

namespace Tazlab.Benchmarks;

/// <summary>
/// The whole offline pipeline for prod and for the estate ten times larger, timed interleaved in one process: each
/// round times a batch of one, then a batch of the other (alternating which goes first), after a full collection.
/// On a shared machine a slow spell then falls on both estates alike, where BenchmarkDotNet, which runs one case's
/// iterations after the other's, has measured the same code anywhere from 1.4× to 3× apart. Prints each estate's
/// median and spread, and the median of the per-round ratios against the target.
/// </summary>
public static class EstateTimer
{
    private const double Target = 2.0;
    private const int Warmup = 300;

    public static int Run(int rounds, int batch)
    {
        var project = ProjectDirectory.Find();
        string[] estates = [Estates.Prod, Estates.TenTimes];
        var sources = estates.ToDictionary(e => e, e => Estates.Source(e, project));
        var times = estates.ToDictionary(e => e, _ => new List<double>());
        foreach (var source in sources.Values)
        {
            for (var i = 0; i < Warmup; i++)
            {
                OfflinePipeline.Run(source);
            }
        }

        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? estates : estates.Reverse().ToArray();
            foreach (var estate in order)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < batch; i++)
                {
                    OfflinePipeline.Run(sources[estate]);
                }

                times[estate].Add(clock.Elapsed.TotalMicroseconds / batch);
            }

            ratios.Add(times[Estates.TenTimes][^1] / times[Estates.Prod][^1]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of {batch} pipelines each, interleaved, on {Environment.ProcessorCount} cores"));
        foreach (var (estate, values) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole pipeline {estate,-5} median {Statistics.Median(values),8:F0} us  (min {values.Min(),8:F0}, max {values.Max(),8:F0})"));
        }

        var ratio = Statistics.Median(ratios);
        var verdict = ratio <= Target ? "met" : "missed";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio 10x / prod: median {ratio:F2}x over the rounds (min {ratios.Min():F2}, max {ratios.Max():F2}; target <= {Target:F2}x: {verdict})"));
        return 0;
    }
}
