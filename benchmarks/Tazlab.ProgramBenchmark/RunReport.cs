namespace Tazlab.ProgramBenchmark;

/// <summary>What one run of the program under the mocks reports to the timer (one JSON line on standard output).</summary>
/// <param name="Resources">Resources registered.</param>
/// <param name="LastRegistrationUtcTicks">When the last one was registered (UTC ticks, the clock the timer started the process by).</param>
/// <param name="ProgramMilliseconds">From entering Main to the last registration: the runtime's own start-up left out.</param>
/// <param name="AllocatedBytes">Bytes allocated by the whole process by the end of the deployment.</param>
public sealed record RunReport(int Resources, long LastRegistrationUtcTicks, double ProgramMilliseconds, long AllocatedBytes);
