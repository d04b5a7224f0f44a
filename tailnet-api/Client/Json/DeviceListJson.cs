namespace Tazlab.TailnetApi.Client.Json;

/// <summary>The body of <c>GET /api/v2/tailnet/{tailnet}/devices</c>.</summary>
internal sealed record DeviceListJson(IReadOnlyList<DeviceJson?>? Devices);
