namespace Tazlab.Stacks.Validation.PulumiCli;

/// <summary>What a plain (unquoted) YAML scalar is to the Pulumi CLI's YAML decoder.</summary>
public enum YamlScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
