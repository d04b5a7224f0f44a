using Tazlab.Stacks.Reading;

namespace Tazlab.Stacks.Tests;

public class DurationParserTests
{
    [Theory]
    [InlineData("90d", 90 * 24 * 3600)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("45s", 45)]
    [InlineData("0s", 0)]
    public void Parses_and_formats_back(string text, long seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(seconds, (long)duration.TotalSeconds);
        Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var again));
        Assert.Equal(duration, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("h")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("1w")]
    [InlineData("999999999d")]
    public void Rejects_what_is_not_a_duration(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
