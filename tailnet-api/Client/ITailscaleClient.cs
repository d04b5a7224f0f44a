namespace Tazlab.TailnetApi.Client;

/// <summary>The Tailscale API operations device hygiene needs.</summary>
public interface ITailscaleClient
{
    /// <exception cref="TailscaleApiException">The API refused, failed, did not answer in time, or answered with malformed JSON.</exception>
    Task<IReadOnlyList<TailscaleDevice>> ListDevicesAsync(CancellationToken cancellationToken);

    /// <exception cref="TailscaleApiException">The API refused, failed or did not answer in time.</exception>
    Task<DeleteOutcome> DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken);
}
