using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Validation.PulumiCli;

/// <summary>
/// The Pulumi CLI's type check of a configuration value against its declaration (pulumi/pulumi
/// <c>sdk/go/common/workspace/project.go</c>, <c>ValidateConfigValue</c>), on a value as YAML wrote it: the CLI keeps a
/// scalar as its text and a list or mapping as JSON, so a scalar is checked as text and a list's items as JSON values.
/// </summary>
public static class PulumiConfigTypes
{
    /// <summary>The CLI's name of a type: <c>integer</c>, <c>array&lt;string&gt;</c>.</summary>
    public static string FullName(string type, string? itemsType) => itemsType is not null ? $"array<{itemsType}>" : type;

    public static bool Matches(string type, string? itemsType, ConfigValue value) => value switch
    {
        // Encrypted: the CLI checks the decrypted text, which this tool never decrypts; it is left to the CLI.
        ConfigSecret => true,
        ConfigScalar scalar => type switch
        {
            "string" => true,
            "integer" => scalar.Quoted ? YamlScalarResolver.IsAtoiInteger(scalar.Text) : YamlScalarResolver.Resolve(scalar) == YamlScalarKind.Integer,
            "boolean" => scalar.Quoted ? scalar.Text is "true" or "false" : YamlScalarResolver.Resolve(scalar) == YamlScalarKind.Boolean,
            _ => false,
        },
        ConfigSequence sequence => type is "array" && itemsType is not null && sequence.Items.All(item => ItemMatches(itemsType, item)),
        ConfigMapping => type is "object",
        _ => false,
    };

    /// <summary>A list item is a JSON value: a YAML number stays a number, so it is no string.</summary>
    private static bool ItemMatches(string itemsType, ConfigValue item)
    {
        if (item is not ConfigScalar scalar)
        {
            return itemsType is "object" && item is ConfigMapping;
        }

        var kind = YamlScalarResolver.Resolve(scalar);
        return itemsType switch
        {
            "string" => kind == YamlScalarKind.String,
            "integer" => kind == YamlScalarKind.Integer || (kind == YamlScalarKind.String && YamlScalarResolver.IsAtoiInteger(scalar.Text)),
            "boolean" => kind == YamlScalarKind.Boolean || (kind == YamlScalarKind.String && scalar.Text is "true" or "false"),
            _ => false,
        };
    }
}
