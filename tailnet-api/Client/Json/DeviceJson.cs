namespace Tazlab.TailnetApi.Client.Json;

/// <summary>One device as the API writes it; every field may be absent, so the mapping decides what is required.</summary>
internal sealed record DeviceJson(
    string? Id,
    string? NodeId,
    string? Name,
    string? Hostname,
    IReadOnlyList<string>? Tags,
    bool? ConnectedToControl,
    DateTimeOffset? LastSeen);
