namespace Tazlab.Stacks.Configuration;

/// <summary>
/// Everything the reader needs to build a <see cref="Model.StackConfig"/>: the project and stack names
/// and every configuration value, project defaults already applied. The offline loader fills it from
/// the YAML files; the Pulumi program fills it from <c>Pulumi.Config</c>, so both go through one reader
/// and one validation.
/// </summary>
/// <param name="ProjectName">The Pulumi project name, which is also the configuration namespace.</param>
/// <param name="StackName">The stack name, e.g. <c>prod</c>.</param>
/// <param name="Values">Fully qualified key (<c>namespace:name</c>) to value.</param>
public sealed record StackConfigSource(
    string ProjectName,
    string StackName,
    IReadOnlyDictionary<string, ConfigValue> Values);
