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
    var rounds = 40;
    var batch = 50;
    for (var i = 0; i + 1 < options.Length; i += 2)
    {
        var value = int.Parse(options[i + 1], CultureInfo.InvariantCulture);
        _ = options[i] switch
        {
            "--rounds" => rounds = value,
            "--batch" => batch = value,
            _ => throw new ArgumentException($"unknown option {options[i]}: --rounds N or --batch N"),
        };
    }

    return EstateTimer.Run(rounds, batch);
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
