using Tazlab.Stacks.Configuration;

namespace Tazlab.Stacks.Loading;

/// <summary>A stack file as written, before the project's defaults are laid under it.</summary>
/// <param name="FileName">e.g. <c>Pulumi.prod.yaml</c>.</param>
/// <param name="Values">The keys the file itself sets.</param>
/// <param name="ImportsEnvironments">Whether it imports Pulumi ESC environments (<c>environment:</c>), which may set keys this tool cannot see.</param>
public sealed record StackFile(string StackName, string FileName, IReadOnlyDictionary<string, ConfigValue> Values, bool ImportsEnvironments);
