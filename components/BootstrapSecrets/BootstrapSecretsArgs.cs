using Tazlab.Blueprint.Rendering;
using Pulumi;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.BootstrapSecrets;

public sealed class BootstrapSecretsArgs
{
    public required StackConfig Config { get; init; }

    public required PlatformNames Names { get; init; }

    /// <summary>The plan's offline rendering (placeholders for apply-time values): names, shapes and every file without a secret.</summary>
    public required PlatformRendering Rendering { get; init; }

    /// <summary>Flux's Git token (secret), from the stack's encrypted configuration.</summary>
    public required Output<string> FluxGitToken { get; init; }

    public required ClusterAccess Cluster { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
