namespace Tazlab.TestSupport.FakeTailscale;

/// <summary>One request the fake received, in arrival order.</summary>
/// <param name="Authorization">The Authorization header as sent (null when absent).</param>
public sealed record RecordedRequest(FakeRoute? Route, string Method, string Path, string? Authorization, DateTimeOffset At);
