using Pulumi;
using Tazlab.Blueprint.Rendering;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.Rendering;

/// <summary>
/// Runs a blueprint renderer with the real apply-time values once they resolve, so the Pulumi layer ships the
/// very text <c>plan</c> shows (with placeholders) and never renders a file a second way. The result is secret
/// whenever any value is.
/// </summary>
public static class ApplyTimeRendering
{
    /// <param name="nodeValues">Values that differ per Talos node (<see cref="ApplyTimeValues.PerNode"/>), by value and node name.</param>
    public static Output<T> Render<T>(
        StackConfig config,
        PlatformNames names,
        IReadOnlyDictionary<ApplyTimeValue, Output<string>> values,
        Func<RenderInput, T> render,
        IReadOnlyDictionary<(ApplyTimeValue Value, string Node), Output<string>>? nodeValues = null)
    {
        var keys = values.Keys.ToList();
        var nodeKeys = (nodeValues?.Keys ?? []).ToList();
        var all = keys.Select(key => (Input<string>)values[key]).Concat(nodeKeys.Select(key => (Input<string>)nodeValues![key])).ToArray();
        return Output.All(all).Apply(resolved =>
        {
            var map = keys.Zip(resolved).ToDictionary(pair => pair.First, pair => pair.Second);
            var perNode = nodeKeys.Zip(resolved.Skip(keys.Count)).ToDictionary(pair => pair.First, pair => pair.Second);
            return render(new RenderInput(config, names, new ApplyTimeValueMap(map, perNode)));
        });
    }

    /// <summary>The text of one rendered file of an area.</summary>
    public static string File(IAreaRendering rendering, string path) =>
        rendering.Files.SingleOrDefault(f => f.Path == path)?.Content
        ?? throw new InvalidOperationException($"The {rendering.Area} rendering has no file {path}.");
}
