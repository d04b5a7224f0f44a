namespace Tazlab.TestSupport.FakeTailscale;

/// <summary>
/// A scripted answer: wait <paramref name="Delay"/>, then answer <paramref name="Status"/> with
/// <paramref name="Body"/> - or, when Status is null, behave normally after the delay.
/// </summary>
public sealed record FakeResponse(int? Status, string? Body = null, TimeSpan Delay = default, string? RetryAfter = null)
{
    public static FakeResponse Slow(TimeSpan delay) => new(null, Delay: delay);

    public static FakeResponse Error(int status, string message) => new(status, $$"""{"message":"{{message}}"}""");
}
