namespace Tazlab.ClusterApi.Talos;

/// <summary>Runs talosctl with the cluster's talosconfig: the real process, or a scripted one in tests.</summary>
public interface ITalosctl
{
    Task<TalosctlResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
