using Pulumi;

namespace Tazlab.Infra.Tests;

/// <summary>Reads an output's value in a test (the SDK keeps its own accessor internal).</summary>
public static class OutputValue
{
    public static Task<T> Of<T>(Output<T> output)
    {
        var value = new TaskCompletionSource<T>();
        output.Apply(v =>
        {
            value.TrySetResult(v);
            return v;
        });
        return value.Task;
    }

    /// <summary>A stack output (an <c>Output&lt;string&gt;</c>) as text.</summary>
    public static Task<string> Text(object? output) => Of(AsOutput(output));

    public static Output<string> AsOutput(object? output) => output switch
    {
        Output<string> text => text,
        _ => throw new InvalidCastException($"{output?.GetType().Name ?? "null"} is not an Output<string>."),
    };
}
