using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Blueprint.Rendering.CoreDns;

namespace Tazlab.Blueprint.Rendering;

/// <summary>Runs every area's renderer. The Pulumi components call the same renderers with real apply-time values.</summary>
public static class PlatformRenderer
{
    private static readonly IReadOnlyList<Func<RenderInput, IAreaRendering>> Renderers =
    [
        BootstrapSecretsRenderer.Render,
        CoreDnsRenderer.Render,
    ];

    public static PlatformRendering Render(RenderInput input) => new(Renderers.Select(render => render(input)).ToList());
}
