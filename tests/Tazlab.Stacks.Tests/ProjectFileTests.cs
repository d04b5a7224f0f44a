using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Reading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>Pulumi.yaml declares exactly the keys the program reads, with the types it reads them as.</summary>
public class ProjectFileTests
{
    private static (PulumiProject Project, IReadOnlyList<KeyRead> Reads) ReadProd()
    {
        var bag = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, bag)!;
        var source = StackFileReader.Read(RepoPaths.Root, "prod", project, bag)!;
        StackConfigReader.Read(source, bag, out var reads);
        Assert.False(bag.HasErrors);
        return (project, reads);
    }

    [Fact]
    public void Project_is_tazlab_on_dotnet_with_main_infra()
    {
        var (project, _) = ReadProd();

        Assert.Equal("tazlab", project.Name);
        Assert.Equal("infra/", project.Main);
        Assert.Contains("runtime: dotnet", File.ReadAllText(RepoPaths.File("Pulumi.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_declared_key_is_read_and_every_read_scalar_key_is_declared_with_its_type()
    {
        var (project, reads) = ReadProd();
        var structured = new[] { ValueKind.Mapping, ValueKind.MappingList };

        var declared = project.Config.Keys.Order(StringComparer.Ordinal).ToList();
        var readScalars = reads.Where(r => !structured.Contains(r.Kind) && r.Kind != ValueKind.Secret).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(readScalars, declared);

        foreach (var read in reads.Where(r => !structured.Contains(r.Kind) && r.Kind != ValueKind.Secret))
        {
            var declaration = project.Config[read.Key];
            var expected = read.Kind switch
            {
                ValueKind.Integer => "integer",
                ValueKind.Boolean => "boolean",
                ValueKind.StringList => "array",
                _ => "string",
            };
            Assert.True(expected == declaration.Type, $"{read.Key} is declared as {declaration.Type}, read as {expected}");
            Assert.False(string.IsNullOrWhiteSpace(declaration.Description), $"{read.Key} has no description");
            Assert.False(declaration.Secret);
        }
    }

    [Fact]
    public void Secrets_are_listed_but_not_declared_so_no_stack_is_refused_for_lacking_a_secret_it_does_not_use()
    {
        var (project, reads) = ReadProd();
        var text = File.ReadAllText(RepoPaths.File("Pulumi.yaml"));

        var secrets = reads.Where(r => r.Kind == ValueKind.Secret).Select(r => r.Key).ToList();
        Assert.Equal(["tazlab:vaultSshPrivateKey", "tazlab:fluxGitToken", "tazlab:backupAccessKeyId", "tazlab:backupSecretAccessKey", "tazlab:backupPassword"], secrets);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, project.Config.Keys);
            Assert.Contains($"#   {secret} ", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Every_declared_key_without_a_default_is_set_in_every_stack(string stack)
    {
        // The Pulumi CLI refuses a stack missing one (pulumi/pulumi pkg/workspace/config.go, mergeConfig).
        var bag = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, bag)!;
        var file = StackFileReader.ReadFile(RepoPaths.Root, stack, project, bag)!;

        var missing = project.Config.Values.Where(d => d.Applied is null && !file.Values.ContainsKey(d.Key)).Select(d => d.Key).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_structured_key_is_described_in_the_project_file()
    {
        var (_, reads) = ReadProd();
        var text = File.ReadAllText(RepoPaths.File("Pulumi.yaml"));

        foreach (var read in reads.Where(r => r.Kind is ValueKind.Mapping or ValueKind.MappingList))
        {
            Assert.Contains($"#   {read.Key} ", text, StringComparison.Ordinal);
        }
    }
}
