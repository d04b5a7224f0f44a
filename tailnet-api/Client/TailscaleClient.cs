using System.Net;
using Tazlab.TailnetApi.Client.Json;

namespace Tazlab.TailnetApi.Client;

/// <summary>The Tailscale API v2 device endpoints over the named, resilient HttpClient.</summary>
public sealed class TailscaleClient : ITailscaleClient
{
    /// <summary>The HttpClient name the factory configures (base address, resilience).</summary>
    public const string HttpClientName = "tailscale-api";

    private const string ExpectedDeviceList = "an object with a devices list whose entries have an id";

    private readonly IHttpClientFactory _factory;
    private readonly TailscaleSettings _settings;
    private readonly AccessTokenSource _tokens;

    public TailscaleClient(IHttpClientFactory factory, TailscaleSettings settings, AccessTokenSource tokens)
    {
        _factory = factory;
        _settings = settings;
        _tokens = tokens;
    }

    public async Task<IReadOnlyList<TailscaleDevice>> ListDevicesAsync(CancellationToken cancellationToken)
    {
        const string operation = "list the tailnet's devices";
        using var response = await SendAsync(HttpMethod.Get, $"api/v2/tailnet/{Uri.EscapeDataString(_settings.Tailnet)}/devices", operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await TailscaleHttp.FailureAsync(response, operation, tokenExchange: false, cancellationToken).ConfigureAwait(false);
        }

        var body = await TailscaleHttp.ReadJsonAsync(response, TailscaleJsonContext.Default.DeviceListJson, operation, ExpectedDeviceList, cancellationToken).ConfigureAwait(false);
        if (body.Devices is null)
        {
            throw TailscaleHttp.Malformed(operation, "no devices list", ExpectedDeviceList, null);
        }

        var devices = new List<TailscaleDevice>(body.Devices.Count);
        for (var i = 0; i < body.Devices.Count; i++)
        {
            if (body.Devices[i] is not { Id: { Length: > 0 } id } device)
            {
                // A device we cannot address cannot be judged or deleted: refuse the whole list rather than guess.
                throw TailscaleHttp.Malformed(operation, $"device {i} has no id", ExpectedDeviceList, null);
            }

            devices.Add(new TailscaleDevice(
                id,
                device.NodeId ?? string.Empty,
                device.Name ?? string.Empty,
                device.Hostname ?? string.Empty,
                device.Tags ?? [],
                device.ConnectedToControl,
                // Go's zero time stands for "never".
                device.LastSeen is { Year: > 1 } seen ? seen : null));
        }

        return devices;
    }

    public async Task<DeleteOutcome> DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        var operation = $"delete device {deviceId}";
        using var response = await SendAsync(HttpMethod.Delete, $"api/v2/device/{Uri.EscapeDataString(deviceId)}", operation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return DeleteOutcome.AlreadyGone;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await TailscaleHttp.FailureAsync(response, operation, tokenExchange: false, cancellationToken).ConfigureAwait(false);
        }

        return DeleteOutcome.Deleted;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string operation, CancellationToken cancellationToken)
    {
        var authorization = await _tokens.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = authorization;
        return await TailscaleHttp.SendAsync(_factory, request, operation, cancellationToken).ConfigureAwait(false);
    }
}
