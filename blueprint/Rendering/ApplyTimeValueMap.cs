namespace Tazlab.Blueprint.Rendering;

/// <summary>
/// The apply-time supplier: the real values the Pulumi program resolved (inside an <c>Output</c>), for the
/// renderer of one area. Asking for a value the caller did not supply is a wiring mistake, reported by name.
/// </summary>
/// <param name="values">The platform's single values.</param>
/// <param name="nodeValues">Values per Talos node (<see cref="ApplyTimeValues.PerNode"/>), keyed by value and node name.</param>
public sealed class ApplyTimeValueMap(
    IReadOnlyDictionary<ApplyTimeValue, string> values,
    IReadOnlyDictionary<(ApplyTimeValue Value, string Node), string>? nodeValues = null) : IApplyTimeValues
{
    public string this[ApplyTimeValue value] => !ApplyTimeValues.PerNode.Contains(value) && values.TryGetValue(value, out var text)
        ? text
        : throw new InvalidOperationException(ApplyTimeValues.PerNode.Contains(value)
            ? $"The apply-time value {PlaceholderValues.Name(value)} differs per node: ask for it with the node's name."
            : $"The apply-time value {PlaceholderValues.Name(value)} was not supplied to this rendering.");

    public string this[ApplyTimeValue value, string node] => nodeValues is not null && nodeValues.TryGetValue((value, node), out var text)
        ? text
        : throw new InvalidOperationException($"The apply-time value {PlaceholderValues.Name(value)} of node {node} was not supplied to this rendering.");
}
