using System.Collections;
using System.Globalization;
using System.Text;
using Tazlab.Infra.Tests.Engine;

namespace Tazlab.Infra.Tests.Lifecycle;

/// <summary>
/// Every resource one run registered, by type and name, with its inputs written out canonically (keys sorted):
/// two runs compare resource by resource, as the engine's diff would see their inputs.
/// </summary>
public sealed class RegistrationSnapshot
{
    private RegistrationSnapshot(IReadOnlyDictionary<(string Type, string Name), string> inputs) => Inputs = inputs;

    public IReadOnlyDictionary<(string Type, string Name), string> Inputs { get; }

    public static RegistrationSnapshot Of(ProgramRun run)
    {
        Assert.Null(run.Error);
        return new RegistrationSnapshot(run.Mocks.Registered.ToDictionary(r => (r.Type!, r.Name!), r => Write(r.Inputs)));
    }

    /// <summary>Resources only <paramref name="after"/> has, only this one has, and those both have with other inputs.</summary>
    public (IReadOnlyList<(string Type, string Name)> Added, IReadOnlyList<(string Type, string Name)> Removed, IReadOnlyList<(string Type, string Name)> Changed) Compare(RegistrationSnapshot after) => (
        after.Inputs.Keys.Except(Inputs.Keys).Order().ToList(),
        Inputs.Keys.Except(after.Inputs.Keys).Order().ToList(),
        Inputs.Keys.Intersect(after.Inputs.Keys).Where(k => Inputs[k] != after.Inputs[k]).Order().ToList());

    private static string Write(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case IDictionary dictionary:
                text.Append('{');
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    Write(dictionary[key], text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }
}
