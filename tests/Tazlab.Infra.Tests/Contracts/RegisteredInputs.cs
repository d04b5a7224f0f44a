using System.Collections.Immutable;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>Reading a registration's inputs as the mocks see them: objects as dictionaries, lists as arrays.</summary>
internal static class RegisteredInputs
{
    public static ImmutableDictionary<string, object> Object(object value) => (ImmutableDictionary<string, object>)value;

    public static IEnumerable<object> List(object value) => (ImmutableArray<object>)value;

    public static IEnumerable<string> Strings(object value) => List(value).Cast<string>();

    public static string? Text(ImmutableDictionary<string, object> inputs, string key) => inputs.TryGetValue(key, out var value) ? value as string : null;
}
