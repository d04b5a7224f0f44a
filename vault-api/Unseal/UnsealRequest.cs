using System.Text.Json.Serialization;

namespace Tazlab.VaultApi.Unseal;

/// <summary>The body of <c>PUT /v1/sys/unseal</c>: one key share.</summary>
internal sealed record UnsealRequest([property: JsonPropertyName("key")] string Key);
