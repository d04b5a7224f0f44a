using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation.PulumiCli;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>
/// `plan` refuses what the Pulumi CLI refuses before a preview (pulumi/pulumi pkg/workspace/config.go and
/// sdk/go/common/workspace/project.go), with the key, the CLI's own words and the fix.
/// </summary>
public class PulumiCliRulesTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void The_repository_stacks_pass_what_the_cli_checks(string stack)
    {
        var result = StackLoader.Load(RepoPaths.Root, stack);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_declared_key_without_a_default_that_a_stack_leaves_unset_is_refused()
    {
        using var project = TempProject.FromRepo();
        // As it was: the Vault server keys declared without a default, which dev (it references prod's Vault) never sets.
        WithoutVaultLocationDefault(project);

        var result = StackLoader.Load(project.Directory, "dev");

        Assert.False(result.IsValid);
        Assert.Equal(
            "tazlab:vaultLocation: not set, and Pulumi.yaml declares it without a default: pulumi preview refuses the stack (\"Stack 'dev' is missing configuration value 'tazlab:vaultLocation'\"); expected a value in Pulumi.dev.yaml (or, for a key some stacks leave unset, a default in Pulumi.yaml)",
            Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_stack_importing_an_environment_is_warned_not_refused_for_a_key_the_environment_may_set()
    {
        using var project = TempProject.FromRepo();
        WithoutVaultLocationDefault(project);
        File.AppendAllText(project.StackFile("dev"), "environment:\n  - tazlab/dev\n");

        var result = StackLoader.Load(project.Directory, "dev");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains("unless an environment the stack imports sets it", Assert.Single(result.Warnings).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tazlab:protect", "\"True\"", "tazlab:protect: is 'True', not of its declared type, which pulumi preview refuses (\"Stack 'prod' with configuration key 'tazlab:protect' must be of type 'boolean'\"); expected true or false")]
    [InlineData("tazlab:operatorProxyTags", "[tag:k8s, 8200]", "tazlab:operatorProxyTags: is a list holding the number '8200', not of its declared type, which pulumi preview refuses (\"Stack 'prod' with configuration key 'tazlab:operatorProxyTags' must be of type 'array<string>'\"); expected a list of strings; quote an item YAML would read as a number or boolean, e.g. [\"8200\"]")]
    public void A_value_the_cli_does_not_take_for_its_declared_type_is_refused(string key, string yaml, string expected)
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", key, yaml);

        var result = StackLoader.Load(project.Directory, "prod");

        Assert.Contains(expected, result.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("tazlab:vaultApiPort", "\"8200\"")]
    [InlineData("tazlab:protect", "\"true\"")]
    [InlineData("tazlab:protect", "TRUE")]
    [InlineData("tazlab:operatorProxyTags", "[\"tag:k8s\"]")]
    public void Values_the_cli_takes_for_their_type_pass(string key, string yaml)
    {
        using var project = TempProject.FromRepo();
        project.Set("prod", key, yaml);

        var result = StackLoader.Load(project.Directory, "prod");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void A_secret_declared_with_a_type_and_stored_in_plain_text_is_refused()
    {
        using var project = TempProject.FromRepo();
        EditProjectFile(project, text => text.Replace("config:\n", "config:\n  tazlab:fluxGitToken:\n    type: string\n    secret: true\n    description: Flux's Git token.\n", StringComparison.Ordinal));
        project.Set("prod", "tazlab:fluxGitToken", "ghp_plain");

        var result = StackLoader.Load(project.Directory, "prod");

        Assert.Contains(result.Errors, e => e.Key == "tazlab:fluxGitToken");
        Assert.All(result.Errors, e => Assert.DoesNotContain("ghp_plain", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  tazlab:extra:\n    type: array\n    default: []\n", "Pulumi.yaml:config.tazlab:extra: declares an array without the type of its items")]
    [InlineData("  tazlab:extra:\n    type: integer\n    default: many\n", "Pulumi.yaml:config.tazlab:extra: has a default that is not of its type (\"The default value specified for configuration key 'tazlab:extra' is not of the expected type 'integer'\")")]
    [InlineData("  tazlab:extra:\n    default: 1\n    value: 2\n", "Pulumi.yaml:config.tazlab:extra: has both a default and a value")]
    [InlineData("  hcloud:location:\n    type: string\n    value: fsn1\n", "Pulumi.yaml:config.hcloud:location: declares a type for a key outside the project's namespace")]
    [InlineData("  hcloud:location:\n    default: fsn1\n", "Pulumi.yaml:config.hcloud:location: declares a default for a key outside the project's namespace")]
    [InlineData("  tazlab:extra:\n    type: string\n    secret: true\n    default: \"\"\n", "Pulumi.yaml:config.tazlab:extra: declares a secret with a default")]
    public void What_the_cli_refuses_in_the_project_file_is_reported_under_the_declaration(string declaration, string expected)
    {
        using var project = TempProject.FromRepo();
        EditProjectFile(project, text => text.Replace("config:\n", "config:\n" + declaration, StringComparison.Ordinal));

        var result = StackLoader.Load(project.Directory, "prod");

        Assert.Contains(result.Errors, e => e.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("8200", YamlScalarKind.Integer)]
    [InlineData("-1_000", YamlScalarKind.Integer)]
    [InlineData("0x1F", YamlScalarKind.Integer)]
    [InlineData("0o17", YamlScalarKind.Integer)]
    [InlineData("1.5", YamlScalarKind.Float)]
    [InlineData("1e3", YamlScalarKind.Float)]
    [InlineData(".inf", YamlScalarKind.Float)]
    [InlineData("True", YamlScalarKind.Boolean)]
    [InlineData("yes", YamlScalarKind.String)]
    [InlineData("1.1.1.1", YamlScalarKind.String)]
    [InlineData("~", YamlScalarKind.Null)]
    [InlineData("", YamlScalarKind.Null)]
    [InlineData("tag:k8s", YamlScalarKind.String)]
    public void Plain_scalars_resolve_as_go_yaml_v3_resolves_them(string text, YamlScalarKind kind)
    {
        Assert.Equal(kind, YamlScalarResolver.Resolve(new ConfigScalar(text)));
        Assert.Equal(YamlScalarKind.String, YamlScalarResolver.Resolve(new ConfigScalar(text, Quoted: true)));
    }

    private static void WithoutVaultLocationDefault(TempProject project) => EditProjectFile(project, text => text.Replace(
        "    description: Hetzner Cloud location of the Vault VM (owning stack only).\n    default: \"\"\n",
        "    description: Hetzner Cloud location of the Vault VM (owning stack only).\n",
        StringComparison.Ordinal));

    private static void EditProjectFile(TempProject project, Func<string, string> edit)
    {
        var path = project.PathOf("Pulumi.yaml");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }
}
