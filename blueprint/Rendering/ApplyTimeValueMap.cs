namespace Tazlab.Blueprint.Rendering;

/// <summary>
/// The apply-time supplier: the real values the Pulumi program resolved (inside an <c>Output</c>), for the
/// renderer of one area. Asking for a value the caller did not supply is a wiring mistake, reported by name.
/// </summary>
public sealed class ApplyTimeValueMap(IReadOnlyDictionary<ApplyTimeValue, string> values) : IApplyTimeValues
{
    public string this[ApplyTimeValue value] => values.TryGetValue(value, out var text)
        ? text
        : throw new InvalidOperationException($"The apply-time value {PlaceholderValues.Name(value)} was not supplied to this rendering.");
}
