namespace Tazlab.Fuzzing;

/// <summary>What one case did, and how long it took.</summary>
public sealed record FuzzResult(FuzzCase Case, FuzzVerdict Verdict, int? ExitCode, TimeSpan Elapsed, string Detail)
{
    public bool IsDefect => Verdict is not (FuzzVerdict.Planned or FuzzVerdict.SafetyFailed or FuzzVerdict.Refused);

    public override string ToString() => $"{Case}: {Verdict} (exit {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {Elapsed.TotalMilliseconds:F0} ms) {Detail}";
}
