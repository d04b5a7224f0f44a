using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Tazlab.Components.Tests;

namespace Tazlab.Infra.Tests;

/// <summary>
/// Stack outputs as the program returns them (objects holding an <c>Output&lt;string&gt;</c>, or the grants' map of
/// credentials), read in a test: a map reads as its JSON.
/// </summary>
public static class StackOutputValue
{
    public static Output<string> AsOutput(object? output) => output switch
    {
        Output<string> text => text,
        Output<ImmutableDictionary<string, ImmutableDictionary<string, string>>> map => map.Apply(m => JsonSerializer.Serialize(m)),
        _ => throw new InvalidCastException($"{output?.GetType().Name ?? "null"} is not an output the program exports."),
    };

    public static Task<string> Text(object? output) => OutputValue.Of(AsOutput(output));

    public static Task<bool> IsSecret(object? output) => Output.IsSecretAsync(AsOutput(output));
}
