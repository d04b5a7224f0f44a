namespace Tazlab.TailnetApi.Client;

/// <summary>
/// How hard the client tries: retries with exponential backoff on 429 and 5xx (honouring Retry-After), a
/// timeout per attempt and one over the whole call including its retries. The defaults suit the real API;
/// tests set tiny delays.
/// </summary>
public sealed class TailscaleResilienceOptions
{
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first backoff delay; each retry doubles it (unless the server says how long to wait).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Spreads retries of concurrent callers apart; off in tests that measure delays.</summary>
    public bool UseJitter { get; set; } = true;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Bounds one call, retries and waits included, so a misbehaving server cannot stall a run.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
