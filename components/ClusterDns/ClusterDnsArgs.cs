using Tazlab.Blueprint.Rendering.CoreDns;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.ClusterDns;

public sealed class ClusterDnsArgs
{
    /// <summary>The rendered CoreDNS (its manifests hold no apply-time value).</summary>
    public required CoreDnsRendering Rendering { get; init; }

    public required ClusterAccess Cluster { get; init; }

    public required PlatformWiring Wiring { get; init; }
}
