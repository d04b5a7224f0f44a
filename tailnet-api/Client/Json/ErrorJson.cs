namespace Tazlab.TailnetApi.Client.Json;

/// <summary>The body of an API error: a human-readable message.</summary>
internal sealed record ErrorJson(string? Message);
