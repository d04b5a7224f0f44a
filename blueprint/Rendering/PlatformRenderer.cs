using Tazlab.Blueprint.Rendering.Backup;
using Tazlab.Blueprint.Rendering.BootstrapSecrets;
using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Blueprint.Rendering.Talos;
using Tazlab.Blueprint.Rendering.Tailnet;
using Tazlab.Blueprint.Rendering.VaultAccess;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer;
using Tazlab.Blueprint.Rendering.CoreDns;

namespace Tazlab.Blueprint.Rendering;

/// <summary>Runs every area's renderer. The Pulumi components call the same renderers with real apply-time values.</summary>
public static class PlatformRenderer
{
    private static readonly IReadOnlyList<Func<RenderInput, IAreaRendering>> Renderers =
    [
        BootstrapSecretsRenderer.Render,
        OperatorRenderer.Render,
        TalosRenderer.Render,
        TailnetRenderer.Render,
        VaultServerRenderer.Render,
        VaultAuthRenderer.Render,
        VaultAccessRenderer.Render,
        CoreDnsRenderer.Render,
        BackupRenderer.Render,
    ];

    public static PlatformRendering Render(RenderInput input) => new(Renderers.Select(render => render(input)).ToList());
}
