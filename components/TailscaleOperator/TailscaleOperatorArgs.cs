using Pulumi;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.TailscaleOperator;

public sealed class TailscaleOperatorArgs : PlatformPartArgs
{
    /// <summary>The operator's OAuth client id (secret): the owning stack's client, or the referenced stack's output - never Vault.</summary>
    public required Output<string> OAuthClientId { get; init; }

    public required Output<string> OAuthClientSecret { get; init; }

    public required ClusterAccess Cluster { get; init; }
}
