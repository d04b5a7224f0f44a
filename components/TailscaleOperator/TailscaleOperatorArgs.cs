using Tazlab.Blueprint.Rendering;
using Pulumi;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;
using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.TailscaleOperator;

public sealed class TailscaleOperatorArgs
{
    public required StackConfig Config { get; init; }

    public required PlatformNames Names { get; init; }

    /// <summary>The plan's offline rendering (placeholders for apply-time values): names, shapes and every file without a secret.</summary>
    public required PlatformRendering Rendering { get; init; }

    /// <summary>The operator's OAuth client id (secret): the owning stack's client, or the referenced stack's output - never Vault.</summary>
    public required Output<string> OAuthClientId { get; init; }

    public required Output<string> OAuthClientSecret { get; init; }

    public required ClusterAccess Cluster { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
