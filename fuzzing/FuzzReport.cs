using System.Globalization;

namespace Tazlab.Fuzzing;

/// <summary>The figures of one fuzzing run: how many cases gave which answer, the defects, and how long cases took.</summary>
public sealed record FuzzReport(int Seed, IReadOnlyList<FuzzResult> Results, TimeSpan Elapsed)
{
    public IReadOnlyList<FuzzResult> Defects => [.. Results.Where(r => r.IsDefect).OrderBy(r => r.Case.Index)];

    public int Count(FuzzVerdict verdict) => Results.Count(r => r.Verdict == verdict);

    /// <summary>The distinct first keys refusals named: how much of the configuration the mutations reached.</summary>
    public int DistinctRefusalKeys => Results.Where(r => r.Verdict == FuzzVerdict.Refused).Select(r => r.Detail).Distinct(StringComparer.Ordinal).Count();

    public void Print(TextWriter writer)
    {
        var times = Results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToArray();
        string Percentile(double p) => times.Length == 0 ? "-" : times[Math.Min(times.Length - 1, (int)Math.Ceiling(p * times.Length) - 1)].ToString("F1", CultureInfo.InvariantCulture);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {Seed}: {Results.Count} cases in {Elapsed.TotalSeconds:F1} s ({Results.Count / Math.Max(Elapsed.TotalSeconds, 0.001):F0} cases/s)"));
        foreach (var verdict in Enum.GetValues<FuzzVerdict>())
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {verdict,-15} {Count(verdict),8}"));
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  distinct keys first named by refusals: {DistinctRefusalKeys}"));
        writer.WriteLine($"  per case, ms: median {Percentile(0.5)}, p99 {Percentile(0.99)}, max {Percentile(1.0)}");
        if (Results.MaxBy(r => r.Elapsed) is { } slowest)
        {
            writer.WriteLine($"  slowest: {slowest.Case}");
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  defects: {Defects.Count}"));
        foreach (var defect in Defects.Take(20))
        {
            writer.WriteLine($"    {defect}");
        }
    }
}
