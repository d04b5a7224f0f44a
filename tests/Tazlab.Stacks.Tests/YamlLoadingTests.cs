using Tazlab.Stacks.Loading;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>Broken files never throw: each problem is one line naming the file, key or position.</summary>
public class YamlLoadingTests
{
    private static IReadOnlyList<string> LoadText(string stackYaml)
    {
        using var project = TempProject.WithProjectFileOnly();
        project.WriteStack("broken", stackYaml);
        var result = StackLoader.Load(project.Directory, "broken");
        Assert.Null(result.Config);
        return result.Errors.Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var line = Assert.Single(LoadText("config:\n  tazlab:tailnetName: [unclosed\n"));

        Assert.StartsWith("Pulumi.broken.yaml:", line, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", line, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> LoadBytes(byte[] stackFile)
    {
        using var project = TempProject.WithProjectFileOnly();
        project.WriteStack("broken", string.Empty);
        File.WriteAllBytes(Path.Combine(project.Directory, "Pulumi.broken.yaml"), stackFile);
        var result = StackLoader.Load(project.Directory, "broken");
        Assert.Null(result.Config);
        return result.Errors.Select(d => d.ToString()).ToList();
    }

    /// <summary>YamlDotNet 18.1.0 threw InvalidOperationException from ScanPlainScalar on each of these (a crash, exit 134).</summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void An_unclosed_flow_list_broken_by_a_line_break_is_an_error_with_its_place(string lineBreak)
    {
        var line = Assert.Single(LoadText($"config:\n  tazlab:talosTags: [tag:a{lineBreak}  tazlab:x: 1\n"));

        Assert.StartsWith("Pulumi.broken.yaml:", line, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        var line = Assert.Single(LoadText("config:\n  tazlab:x: " + new string('[', 20_000) + "\n"));

        Assert.Equal("Pulumi.broken.yaml:2:75: lists and mappings nested more than 64 deep; expected at most 64 levels", line);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_is_expanded()
    {
        var levels = string.Join('\n', Enumerable.Range(1, 8).Select(i => $"  l{i}: &l{i} [{string.Join(',', Enumerable.Repeat($"*l{i - 1}", 10))}]"));
        var line = Assert.Single(LoadText($"config:\n  l0: &l0 [x,x,x,x,x,x,x,x,x,x]\n{levels}\n"));

        Assert.Contains("more than 100000 values once its aliases are expanded", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_aliases_are_refused()
    {
        var line = Assert.Single(LoadText("config:\n  a: &a x\n  b: [" + string.Join(',', Enumerable.Repeat("*a", 101)) + "]\n"));

        Assert.Contains("more than 100 aliases", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_is_refused()
    {
        var line = Assert.Single(LoadText("config:\n  tazlab:tailnetName: " + new string('a', 70_000) + "\n"));

        Assert.Contains("a value of 70000 characters; expected at most 65536 characters in one value", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_and_broken_utf8_are_refused_at_their_place_never_read_as_replacement_characters()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("config:\n  tazlab:vaultKvPrefix: taz\u00e9lab\n");

        Assert.Equal(["Pulumi.broken.yaml:2:28: is not UTF-8 (byte 0xE9); expected a file saved as UTF-8"], LoadBytes(latin1));
        Assert.Equal(["Pulumi.broken.yaml:1:8: is not UTF-8 (byte 0xFF); expected a file saved as UTF-8"], LoadBytes([.. "config:"u8, 0xFF, .. "\n"u8]));
    }

    [Fact]
    public void A_nul_is_refused_not_dropped()
    {
        Assert.Equal(["Pulumi.broken.yaml:2:31: holds a NUL character; expected text without NUL characters (a YAML file is text)"], LoadText("config:\n  tazlab:vaultKvPrefix: tazlab\0\n"));
    }

    [Fact]
    public void Duplicate_key_is_reported_with_its_position()
    {
        var line = Assert.Single(LoadText("config:\n  tazlab:tailnetName: a.ts.net\n  tazlab:tailnetName: b.ts.net\n"));

        Assert.Equal("Pulumi.broken.yaml:3:3: invalid YAML: Duplicate key tazlab:tailnetName; expected well-formed YAML with each key once per mapping", line);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        Assert.Equal(["Pulumi.broken.yaml: file is empty; expected a YAML mapping with a 'config:' section"], LoadText(string.Empty));
    }

    [Fact]
    public void Non_mapping_file_is_reported()
    {
        Assert.Equal(["Pulumi.broken.yaml: the file is not a YAML mapping; expected a YAML mapping with a 'config:' section"], LoadText("- a\n- b\n"));
    }

    [Fact]
    public void Key_without_namespace_and_unknown_namespace_are_reported()
    {
        var lines = LoadText("config:\n  tailnetName: a.ts.net\n  tazlb:vaultApiPort: 1\n");

        Assert.Contains("tailnetName: has no namespace; expected tazlab:tailnetName (stack files name every key as namespace:key)", lines);
        Assert.Contains("tazlb:vaultApiPort: unknown namespace 'tazlb' (did you mean 'tazlab'?); expected one of: command, hcloud, kubernetes, proxmoxve, pulumi, tailscale, talos, tazlab, tls, vault", lines);
    }

    [Fact]
    public void Unknown_top_level_key_is_reported()
    {
        var lines = LoadText("confg:\n  tazlab:tailnetName: a.ts.net\n");

        Assert.Contains("Pulumi.broken.yaml:confg: unknown top-level key (did you mean 'config'?); expected config, secretsprovider, encryptedkey, encryptionsalt or environment", lines);
    }

    [Fact]
    public void Missing_stack_file_lists_the_stacks_that_exist()
    {
        var result = StackLoader.Load(RepoPaths.Root, "staging");

        Assert.Equal(["--stack: no stack file Pulumi.staging.yaml; expected one of: dev, prod"], result.Errors.Select(d => d.ToString()));
    }

    [Fact]
    public void Invalid_stack_name_is_reported()
    {
        var result = StackLoader.Load(RepoPaths.Root, "../etc");

        Assert.Equal(["--stack: '../etc' is not a stack name; expected letters, digits, '-', '_' or '.'"], result.Errors.Select(d => d.ToString()));
    }

    [Fact]
    public void Control_characters_are_escaped_in_messages()
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:vaultDeviceName", "\"vault\\u0007\"");

        var line = Assert.Single(StackLoader.Load(project.Directory, "prod").Errors).ToString();

        Assert.Contains("'vault\\u0007'", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\a', line);
    }

    [Theory]
    [InlineData("\\u2028", "\u2028")]
    [InlineData("\\u2029", "\u2029")]
    [InlineData("\\u202e", "\u202e")]
    public void Line_separators_and_bidi_overrides_are_escaped_so_a_value_cannot_forge_another_line(string escaped, string raw)
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", "tazlab:vaultDeviceName", $"\"vault{escaped}tazlab:x: fine\"");

        var line = Assert.Single(StackLoader.Load(project.Directory, "prod").Errors).ToString();

        Assert.Contains($"'vault{escaped}tazlab:x: fine'", line, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, line, StringComparison.Ordinal);
    }
}
