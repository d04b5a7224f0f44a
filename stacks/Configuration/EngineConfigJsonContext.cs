using System.Text.Json.Serialization;

namespace Tazlab.Stacks.Configuration;

/// <summary>Generated JSON metadata for the Pulumi engine's configuration variables (no reflection).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(HashSet<string>))]
internal sealed partial class EngineConfigJsonContext : JsonSerializerContext;
