using Pulumi;
using Tazlab.Components.Tests;

namespace Tazlab.Infra.Tests;

/// <summary>Stack outputs as the program returns them (objects holding an <c>Output&lt;string&gt;</c>), read in a test.</summary>
public static class StackOutputValue
{
    public static Task<string> Text(object? output) => OutputValue.Of(AsOutput(output));

    public static Output<string> AsOutput(object? output) => output as Output<string>
        ?? throw new InvalidCastException($"{output?.GetType().Name ?? "null"} is not an Output<string>.");
}
