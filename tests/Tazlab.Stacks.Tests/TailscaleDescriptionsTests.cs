using System.Text.RegularExpressions;
using Tazlab.Stacks.Naming;

namespace Tazlab.Stacks.Tests;

public partial class TailscaleDescriptionsTests
{
    [Theory]
    [InlineData(new[] { "tazlab", "prod", "k8s-operator" }, "tazlab-prod-k8s-operator")]
    [InlineData(new[] { "tazlab", "dev_2.eu", "tazlab_bootstrap" }, "tazlab-dev-2-eu-tazlab-bootstrap")]
    [InlineData(new[] { "k8s-operator (prod)" }, "k8s-operator--prod-")]
    public void Only_what_every_api_wording_allows_is_written(string[] words, string expected) =>
        Assert.Equal(expected, TailscaleDescriptions.Of(words));

    [Fact]
    public void A_long_description_is_cut_to_fifty_characters()
    {
        var description = TailscaleDescriptions.Of("tazlab", "production-europe-west", "node", "tazlab-production-worker-17");

        Assert.True(description.Length <= TailscaleDescriptions.MaxLength);
        Assert.Matches(Allowed(), description);
        Assert.False(description.EndsWith('-'));
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,50}$")]
    private static partial Regex Allowed();
}
