using System.Diagnostics;
using System.Globalization;
using Tazlab.ProgramBenchmark;

// Noted first, so a run's figures start as close to the process's start as the program can see it.
var startedUtc = DateTime.UtcNow;
var startedTimestamp = Stopwatch.GetTimestamp();

// `run <prod|dev|10x>`: one run of the program under the mocks, reported as one JSON line (ProgramUnderMocks).
if (args is ["run", var estate])
{
    return await ProgramUnderMocks.RunAsync(estate, startedUtc, startedTimestamp);
}

// `compare [--runs N] <label>=<published benchmark> ...`: whole processes timed for every estate (ProgramTimer).
if (args is ["compare", .. var rest])
{
    var runs = 10;
    if (rest is ["--runs", var count, ..])
    {
        runs = int.Parse(count, CultureInfo.InvariantCulture);
        rest = rest[2..];
    }

    return ProgramTimer.Run(rest.Select(a => a.Split('=', 2)).Select(p => (p[0], p[1])).ToList(), runs);
}

await Console.Error.WriteLineAsync("usage: Tazlab.ProgramBenchmark run <prod|dev|10x> | compare [--runs N] <label>=<program> ...");
return 2;
