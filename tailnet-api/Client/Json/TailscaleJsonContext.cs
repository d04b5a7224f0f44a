using System.Text.Json.Serialization;

namespace Tazlab.TailnetApi.Client.Json;

/// <summary>Source-generated JSON metadata: no reflection at run time, and the wire names in one place.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeviceListJson))]
[JsonSerializable(typeof(AccessTokenJson))]
[JsonSerializable(typeof(ErrorJson))]
internal sealed partial class TailscaleJsonContext : JsonSerializerContext;
