using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Tazlab.TailnetApi.Pruning;

namespace Tazlab.TailnetApi.Client;

public static class TailscaleServiceCollectionExtensions
{
    private const string PipelineName = "tailscale";

    /// <summary>
    /// Registers the Tailscale API client, the device pruner and a named HttpClient whose resilience pipeline
    /// is, outermost first: a total timeout, retries (exponential backoff on 429, 5xx, 408, transport errors and
    /// attempt timeouts, honouring Retry-After), and a per-attempt timeout.
    /// </summary>
    public static IServiceCollection AddTailscaleApi(this IServiceCollection services, TailscaleSettings settings, Action<TailscaleResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TailscaleResilienceOptions>().Configure(options => configureResilience?.Invoke(options));

        services.AddHttpClient(TailscaleClient.HttpClientName, client =>
            {
                client.BaseAddress = settings.BaseUrl;

                // The pipeline's total timeout bounds every call; HttpClient's own 100s default would cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(PipelineName, static (pipeline, context) =>
            {
                var options = context.GetOptions<TailscaleResilienceOptions>();
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = options.BaseDelay,
                        MaxDelay = options.MaxDelay,
                        UseJitter = options.UseJitter,
                        ShouldRetryAfterHeader = true,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });

        services.AddSingleton<AccessTokenSource>();
        services.AddSingleton<ITailscaleClient, TailscaleClient>();
        services.AddTransient<DevicePruner>();
        return services;
    }
}
