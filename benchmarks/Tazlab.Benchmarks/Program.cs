using System.Globalization;
using BenchmarkDotNet.Running;
using Tazlab.Benchmarks;

// `startup [--runs N] <label>=<program> ...` times published programs (see StartupTimer); anything else goes to BenchmarkDotNet.
if (args is ["startup", .. var rest])
{
    var runs = 20;
    if (rest is ["--runs", var count, ..])
    {
        runs = int.Parse(count, CultureInfo.InvariantCulture);
        rest = rest[2..];
    }

    var programs = rest.Select(a => a.Split('=', 2)).Select(p => (p[0], p[1])).ToList();
    return StartupTimer.Run(programs, runs);
}

// `estates [--rounds N] [--batch N]` times the whole pipeline for prod and the 10x estate interleaved (see EstateTimer).
if (args is ["estates", .. var options])
{
    return EstateTimer.Run(Option(options, "--rounds", 40), Option(options, "--batch", 50));
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;

static int Option(string[] options, string name, int fallback)
{
    var at = Array.IndexOf(options, name);
    if (at < 0)
    {
        return fallback;
    }

    return at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{name} needs a number");
}
