using System.Net.Http.Json;
using System.Text.Json;

namespace Tazlab.VaultApi.Unseal;

/// <summary>
/// Unseals Vault through its HTTP API: reads the seal status and, while Vault is sealed, sends one key share at a
/// time until it reports unsealed. An unsealed Vault gets no key at all. Keys never appear in a message.
/// </summary>
public sealed class VaultUnsealer(HttpClient http, Uri vaultUrl)
{
    public async Task<UnsealOutcome> UnsealAsync(IReadOnlyList<string> keys, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            var status = await ReadAsync(await http.GetAsync(new Uri(vaultUrl, "v1/sys/seal-status"), cancellationToken), cancellationToken);
            if (!status.Initialized)
            {
                return UnsealOutcome.Failed($"{vaultUrl} is not initialised; the init command of a new server initialises it");
            }

            if (!status.Sealed)
            {
                return UnsealOutcome.Done($"{vaultUrl} is unsealed; no key sent");
            }

            log($"{vaultUrl} is sealed; sending key shares (threshold {status.Threshold})");
            var sent = 0;
            foreach (var key in keys.Where(k => k.Length > 0))
            {
                using var body = JsonContent.Create(new UnsealRequest(key), VaultApiJsonContext.Default.UnsealRequest);
                status = await ReadAsync(await http.PutAsync(new Uri(vaultUrl, "v1/sys/unseal"), body, cancellationToken), cancellationToken);
                sent++;
                if (!status.Sealed)
                {
                    return UnsealOutcome.Done($"{vaultUrl} unsealed with {sent} key shares");
                }
            }

            return UnsealOutcome.Failed($"{vaultUrl} is still sealed after {sent} key shares (progress {status.Progress} of {status.Threshold}): they are not this Vault's keys");
        }
        catch (HttpRequestException e) when (e.StatusCode is { } code)
        {
            return UnsealOutcome.Failed($"{vaultUrl} refused the request (HTTP {(int)code}); a refused key share is not this Vault's");
        }
        catch (HttpRequestException e)
        {
            return UnsealOutcome.Failed($"{vaultUrl} cannot be reached ({e.HttpRequestError}); is this machine on the tailnet, and does Vault serve the certificate of its CA?");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UnsealOutcome.Failed($"{vaultUrl} did not answer in time");
        }
        catch (JsonException)
        {
            return UnsealOutcome.Failed($"{vaultUrl} answered with something that is not Vault's seal status");
        }
    }

    private static async Task<SealStatus> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            // Vault answers a wrong key with 400 and its error text; never echo it (it may quote the key).
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(HttpRequestError.Unknown, "Vault refused the request", null, response.StatusCode);
            }

            return await response.Content.ReadFromJsonAsync(VaultApiJsonContext.Default.SealStatus, cancellationToken)
                ?? throw new JsonException("empty seal status");
        }
    }
}
