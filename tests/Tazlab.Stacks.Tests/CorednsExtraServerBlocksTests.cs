using Tazlab.Stacks.Loading;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>tazlab:corednsExtraServerBlocks: a Corefile fragment, checked at configuration time so a bad block never reaches CoreDNS.</summary>
public class CorednsExtraServerBlocksTests
{
    private const string Key = "tazlab:corednsExtraServerBlocks";

    /// <summary>The fragment as a double-quoted YAML scalar (newlines escaped), as TempProject.Set takes values.</summary>
    private static StackScenario Prod(string name, string fragment) =>
        new(name, "prod", p => p.Set("prod", Key, "\"" + fragment.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\""));

    [Fact]
    public void Defaults_to_no_extra_blocks()
    {
        var config = StackLoader.Load(RepoPaths.Root, "prod").Config!;

        Assert.Equal(string.Empty, config.CoreDns.ExtraServerBlocks);
    }

    [Fact]
    public void A_one_line_block_is_a_configuration_error_naming_the_line_and_the_fix()
    {
        var lines = Prod("one-line health", "lab.internal:53 {\n    errors\n    health { lameduck 5s }\n    forward . 192.168.1.1\n}\n").Lines();

        Assert.Equal(
            ["tazlab:corednsExtraServerBlocks: line 3: 'health { lameduck 5s }' opens and closes a block on one line; expected the block on its own lines: 'health {', 'lameduck 5s', '}'"],
            lines);
    }

    [Fact]
    public void A_block_for_the_tailnet_zone_is_rejected()
    {
        var lines = Prod("tailnet zone again", "magellanic-gondola.ts.net:53 {\n    forward . 100.100.100.100\n}\n").Lines();

        Assert.Equal(
            ["tazlab:corednsExtraServerBlocks: line 1: zone 'magellanic-gondola.ts.net:53' is already served by the platform's own Corefile; expected a zone and port other than .:53 and magellanic-gondola.ts.net:53"],
            lines);
    }

    [Fact]
    public void A_misspelt_plugin_is_rejected()
    {
        var lines = Prod("misspelt plugin", "lab.internal:53 {\n    froward . 192.168.1.1\n}\n").Lines();

        Assert.Equal(
            ["tazlab:corednsExtraServerBlocks: line 2: 'froward' is not a CoreDNS plugin (did you mean 'forward'?); expected a plugin from CoreDNS's plugin.cfg, such as forward, cache or rewrite"],
            lines);
    }

    [Fact]
    public void A_well_formed_block_passes()
    {
        var result = Prod("lab zone", "lab.internal:53 {\n    errors\n    cache 30\n    forward . 192.168.1.1\n}\n").Load();

        Assert.Empty(result.Errors.Select(d => d.ToString()));
        Assert.Contains("forward . 192.168.1.1", result.Config!.CoreDns.ExtraServerBlocks, StringComparison.Ordinal);
    }
}
