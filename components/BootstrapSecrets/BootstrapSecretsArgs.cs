using Pulumi;
using Tazlab.Components.Kubernetes;
using Tazlab.Components.Wiring;

namespace Tazlab.Components.BootstrapSecrets;

public sealed class BootstrapSecretsArgs : PlatformPartArgs
{
    /// <summary>Flux's Git token (secret), from the stack's encrypted configuration.</summary>
    public required Output<string> FluxGitToken { get; init; }

    public required ClusterAccess Cluster { get; init; }
}
