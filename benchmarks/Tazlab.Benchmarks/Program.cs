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

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
