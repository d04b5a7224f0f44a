using BenchmarkDotNet.Running;
using Tazlab.Benchmarks;

// `startup <tazlab> <hello> [runs]` times the published programs; anything else goes to BenchmarkDotNet.
if (args is ["startup", var tazlab, var hello, ..])
{
    return StartupTimer.Run(tazlab, hello, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
