using System.Text.Json.Serialization;

namespace Tazlab.VaultApi.Unseal;

/// <summary>Source-generated JSON for the Vault API bodies (the CLI is Native AOT).</summary>
[JsonSerializable(typeof(SealStatus))]
[JsonSerializable(typeof(UnsealRequest))]
internal sealed partial class VaultApiJsonContext : JsonSerializerContext;
