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
}
