using Microsoft.Extensions.DependencyInjection;
using Tazlab.TailnetApi.Client;
using Tazlab.TailnetApi.Pruning;
using Tazlab.TestSupport.FakeTailscale;

namespace Tazlab.TailnetApi.Tests;

/// <summary>
/// The client wired the way production wires it (DI, named HttpClient, resilience pipeline), pointed at the
/// fake server through the same environment variables, with delays small enough for tests.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ApiHarness(ServiceProvider services) => _services = services;

    public ITailscaleClient Client => _services.GetRequiredService<ITailscaleClient>();

    public DevicePruner Pruner => _services.GetRequiredService<DevicePruner>();

    /// <summary>
    /// Test-sized resilience: 3 retries from 10ms, no jitter. The timeouts stay generous (15s per attempt, 60s in
    /// all) because a busy CI machine once took over a second to answer a DELETE, the attempt timed out and its
    /// retry doubled the request log; the tests about timeouts set their own.
    /// </summary>
    public static void Fast(TailscaleResilienceOptions options)
    {
        options.MaxRetryAttempts = 3;
        options.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.MaxDelay = TimeSpan.FromSeconds(5);
        options.UseJitter = false;
        options.AttemptTimeout = TimeSpan.FromSeconds(15);
        options.TotalTimeout = TimeSpan.FromSeconds(60);
    }

    public static Dictionary<string, string> OAuthEnvironment(FakeTailscaleServer server) => new()
    {
        [TailscaleEnvironment.BaseUrlVariable] = server.BaseUrl,
        [TailscaleEnvironment.ClientIdVariable] = server.ClientId,
        [TailscaleEnvironment.ClientSecretVariable] = server.ClientSecret,
    };

    public static ApiHarness For(FakeTailscaleServer server, Action<TailscaleResilienceOptions>? tune = null, TimeProvider? clock = null) =>
        For(OAuthEnvironment(server), tune, clock);

    public static ApiHarness For(IReadOnlyDictionary<string, string> environment, Action<TailscaleResilienceOptions>? tune = null, TimeProvider? clock = null)
    {
        var settings = TailscaleEnvironment.Read(name => environment.GetValueOrDefault(name), out var problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems));
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddTailscaleApi(settings, options =>
        {
            Fast(options);
            tune?.Invoke(options);
        });
        return new ApiHarness(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
