using Pulumi;

namespace Tazlab.Components.Tests;

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
}
