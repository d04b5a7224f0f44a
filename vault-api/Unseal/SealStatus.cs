using System.Text.Json.Serialization;

namespace Tazlab.VaultApi.Unseal;

/// <summary>What <c>GET /v1/sys/seal-status</c> and <c>PUT /v1/sys/unseal</c> answer (the fields the unseal reads).</summary>
/// <param name="Threshold">Keys needed to unseal (<c>t</c>).</param>
/// <param name="Progress">Keys accepted so far in this unseal.</param>
public sealed record SealStatus(
    [property: JsonPropertyName("initialized")] bool Initialized,
    [property: JsonPropertyName("sealed")] bool Sealed,
    [property: JsonPropertyName("t")] int Threshold,
    [property: JsonPropertyName("progress")] int Progress);
