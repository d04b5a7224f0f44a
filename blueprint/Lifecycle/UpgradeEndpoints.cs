using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Lifecycle;

/// <summary>
/// The control-plane node talosctl goes through for a node's upgrade, reboot or retirement, and whose health check
/// gates the next node: another control-plane node where there is one, so the endpoint stays up while the node
/// reboots; the node itself when it is the only control-plane node.
/// </summary>
public static class UpgradeEndpoints
{
    public static string For(TalosClusterConfig talos, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(talos);
        var other = talos.ControlPlane.FirstOrDefault(n => !string.Equals(n.Name, nodeName, StringComparison.Ordinal));
        return (other ?? talos.Nodes.First(n => string.Equals(n.Name, nodeName, StringComparison.Ordinal))).Ip.ToString();
    }
}
