namespace Tazlab.ClusterApi.Talos;

/// <summary>What a node runs: its Talos version and, for an Image Factory image, the schematic it was built from.</summary>
public sealed record RunningNode(string Version, string? SchematicId)
{
    /// <summary>Whether the node already runs the target: the version, and the schematic when the target names one.</summary>
    public bool Runs(string version, string? schematicId) =>
        Version == version && (schematicId is null || string.Equals(SchematicId, schematicId, StringComparison.OrdinalIgnoreCase));

    public string Describe() => SchematicId is null ? Version : $"{Version} (schematic {SchematicId[..Math.Min(12, SchematicId.Length)]})";
}
