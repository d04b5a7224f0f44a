using Tazlab.Stacks.Validation.Corefile;

namespace Tazlab.Stacks.Tests;

/// <summary>The Corefile parser: CoreDNS's token rules, the nested-block form, and a message per problem naming its line.</summary>
public class CorefileParserTests
{
    private static IReadOnlyList<string> Errors(string corefile, params string[] reserved) =>
        CorefileParser.Parse(corefile, reserved).Errors.Select(e => e.Message).ToList();

    [Fact]
    public void A_block_on_one_line_is_rejected_with_its_line_and_the_fix()
    {
        var corefile = "example.internal:53 {\n    errors\n    health { lameduck 5s }\n}\n";

        Assert.Equal(
            ["line 3: 'health { lameduck 5s }' opens and closes a block on one line; expected the block on its own lines: 'health {', 'lameduck 5s', '}'"],
            Errors(corefile));
    }

    [Fact]
    public void The_same_block_on_its_own_lines_parses_into_the_model()
    {
        var corefile = "example.internal:53 {\n    errors\n    health {\n        lameduck 5s\n    }\n    forward . 192.168.1.1 192.168.1.2\n}\n";

        var result = CorefileParser.Parse(corefile);

        Assert.Empty(result.Errors);
        var block = Assert.Single(result.Document.ServerBlocks);
        Assert.Equal(["example.internal:53"], block.Keys);
        Assert.Equal(["errors", "health", "forward"], block.Plugins.Select(p => p.Name));
        var lameduck = Assert.Single(block.Plugins[1].Block);
        Assert.Equal("lameduck", lameduck.Name);
        Assert.Equal(["5s"], lameduck.Arguments);
        Assert.Equal([".", "192.168.1.1", "192.168.1.2"], block.Plugins[2].Arguments);
        Assert.Empty(block.Plugins[2].Block);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "a.internal {\n    health { lameduck 5s\n    }\n}", "line 2: 'health { lameduck 5s' has text after '{'; expected '{' to end its line, with 'lameduck 5s' on the next line" },
        { "a.internal {\n    health {\n        lameduck 5s }\n}", "line 3: 'lameduck 5s }' has text before '}'; expected '}' alone on its line, below the block's last line" },
        { "a.internal {\n    errors\n} b.internal {\n}", "line 3: '} b.internal {' has text after '}'; expected '}' alone on its line, and the text on a line of its own" },
        { "a.internal {\n    errors\n}\n}", "line 4: '}' closes a block that was never opened; expected each '}' to close a block opened by a line ending in '{'" },
        { "a.internal {\n    health {\n        lameduck 5s\n}", "line 1: 'a.internal {' opens a block that is never closed; expected a line with '}' alone to close it" },
        { "a.internal {\n    helth\n}", "line 2: 'helth' is not a CoreDNS plugin (did you mean 'health'?); expected a plugin from CoreDNS's plugin.cfg, such as forward, cache or rewrite" },
        { "forward . 1.1.1.1", "line 1: 'forward . 1.1.1.1' is outside any server block; expected a server block: its zones, then '{' ending the line, e.g. 'example.org:53 {'" },
        { "{\n    errors\n}", "line 1: '{' opens a server block without a zone; expected the zones it serves before '{', e.g. 'example.org:53 {'" },
        { "a.internal:99999 {\n    errors\n}", "line 1: 'a.internal:99999' is not a server block address; expected a zone with an optional port, e.g. example.org:53 or tls://example.org:853" },
        { "ftp://a.internal {\n    errors\n}", "line 1: 'ftp://a.internal' is not a server block address; expected a zone with an optional port, e.g. example.org:53 or tls://example.org:853" },
        { "a.internal:53 {\n    errors\n}\nA.internal. {\n    errors\n}", "line 4: zone 'A.internal.' is served twice (CoreDNS refuses to start); expected each zone and port in one server block only" },
        { "a.internal {\n    forward . 1.1.1.1 {\n        policy {\n        }\n    }\n}", "line 3: 'policy {' opens a block inside the block of 'forward'; expected the properties of 'forward' on lines of their own, without another block (CoreDNS plugins do not nest blocks)" },
        { "a.internal {\n    forward . {$UPSTREAM}\n}", "line 2: '{$UPSTREAM}' reads an environment variable, which the CoreDNS pod does not set; expected the value itself" },
        { "a.internal {\n    template IN A \"unclosed\n}", "line 2: 'template IN A \"unclosed' has a '\"' that is never closed; expected a closing '\"' on the same line" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_is_reported_on_its_line(string corefile, string expected)
    {
        Assert.Equal(expected, Errors(corefile)[0]);
    }

    [Fact]
    public void A_zone_the_platform_already_serves_is_rejected()
    {
        Assert.Equal(
            ["line 1: zone 'dns://example-tailnet.ts.net.:53' is already served by the platform's own Corefile; expected a zone and port other than .:53 and example-tailnet.ts.net:53"],
            Errors("dns://example-tailnet.ts.net.:53 {\n    errors\n}", ".:53", "example-tailnet.ts.net:53"));
    }

    [Fact]
    public void Every_problem_is_found_in_one_pass()
    {
        var corefile = "a.internal {\n    helth\n    health { lameduck 5s }\n    cache 30 }\n";

        Assert.Equal(["line 2", "line 3", "line 4"], Errors(corefile).Select(e => e[..6]));
    }

    [Fact]
    public void Comments_quotes_and_comma_separated_zones_follow_the_Corefile_lexer()
    {
        var corefile = """
            # tailnet-adjacent lab zones
            a.internal, b.internal:5353 {   # two zones
                template IN A a.internal {
                    answer "{{ .Name }} 60 IN A 192.168.1.10"
                }
                log#no space needed before a comment
            }
            """;

        var result = CorefileParser.Parse(corefile);

        Assert.Empty(result.Errors);
        var block = Assert.Single(result.Document.ServerBlocks);
        Assert.Equal(["a.internal", "b.internal:5353"], block.Keys);
        Assert.Equal("{{ .Name }} 60 IN A 192.168.1.10", Assert.Single(Assert.Single(block.Plugins, p => p.Name == "template").Block).Arguments[0]);
        Assert.Equal(["template", "log"], block.Plugins.Select(p => p.Name));
    }

    [Fact]
    public void An_empty_or_comment_only_fragment_has_no_blocks()
    {
        Assert.Empty(CorefileParser.Parse(string.Empty).Document.ServerBlocks);
        Assert.True(CorefileParser.Parse("# nothing yet\n\n").IsValid);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("#hash", "\"#hash\"")]
    [InlineData("", "\"\"")]
    [InlineData(@"([a-z]+)\.example\.org", @"([a-z]+)\.example\.org")]
    public void Tokens_are_quoted_only_when_the_lexer_needs_it_and_read_back_unchanged(string token, string written)
    {
        Assert.Equal(written, CorefileSyntax.Quote(token));
        Assert.True(CorefileSyntax.IsWritable(token));
        Assert.Equal([token], CorefileSyntax.Tokenize(written, out var unclosed));
        Assert.False(unclosed);
    }

    [Theory]
    [InlineData(".:53", "dns://.:53")]
    [InlineData("Example.ORG", "dns://example.org.:53")]
    [InlineData("tls://example.org", "tls://example.org.:853")]
    [InlineData("10.0.0.0/24:5353", "dns://10.0.0.0/24.:5353")]
    public void Addresses_are_compared_as_CoreDNS_normalises_them(string key, string normalised)
    {
        Assert.True(CorefileAddress.TryParse(key, out var address));
        Assert.Equal(normalised, address.ToString());
    }
}
