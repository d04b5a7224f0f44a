using System.Globalization;
using Tazlab.ClusterApi.Nodes;

namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Takes a node out of the cluster before its VM is deleted. A reachable node is reset gracefully: Talos cordons
/// and drains it, and a control-plane node leaves etcd first, then it wipes itself and halts (<c>talosctl reset
/// --graceful --reboot=false</c>). A node that does not answer (a lost machine) cannot leave: its etcd member is
/// removed through another control-plane node. A reachable node whose reset fails (a drain blocked by a disruption
/// budget, etcd refusing) is a failure: nothing is forced, and the VM stays. Last, its Node object is deleted.
/// </summary>
public sealed class NodeRetirer(ITalosctl talosctl, IKubernetesNodes nodes)
{
    /// <param name="name">The node's name: its hostname, its etcd member name and its Node object's name.</param>
    /// <param name="address">The node's address.</param>
    /// <param name="controlPlane">Whether it is a control-plane node (an etcd member).</param>
    /// <param name="endpoint">A control-plane node that stays in the cluster.</param>
    public async Task<UpgradeOutcome> RetireAsync(string name, string address, bool controlPlane, string endpoint, TimeSpan timeout, Action<string> log, CancellationToken cancellationToken)
    {
        var minutes = $"{Math.Max(1, (int)Math.Ceiling(timeout.TotalMinutes)).ToString(CultureInfo.InvariantCulture)}m";
        var reachable = await talosctl.RunAsync(["version", "--nodes", address, "--endpoints", address], cancellationToken).ConfigureAwait(false);
        if (reachable.Succeeded)
        {
            log($"node {name}: {(controlPlane ? "leaving etcd, " : string.Empty)}draining and resetting");
            var reset = await talosctl.RunAsync(["reset", "--nodes", address, "--endpoints", address, "--graceful=true", "--reboot=false", "--wait", "--timeout", minutes], cancellationToken).ConfigureAwait(false);
            if (!reset.Succeeded)
            {
                return UpgradeOutcome.Failed($"node {name}: talosctl reset failed: {reset.LastError}; the node and its VM stay, and the next up tries again");
            }
        }
        else if (controlPlane)
        {
            log($"node {name}: does not answer ({reachable.LastError}); removing its etcd member through {endpoint}");
            var members = await talosctl.RunAsync(["etcd", "members", "--nodes", endpoint, "--endpoints", endpoint], cancellationToken).ConfigureAwait(false);
            if (!members.Succeeded)
            {
                return UpgradeOutcome.Failed($"node {name}: the etcd members could not be listed through {endpoint}: {members.LastError}");
            }

            if (EtcdMembersOutput.MemberIdOf(members.Stdout, name) is { } member)
            {
                var remove = await talosctl.RunAsync(["etcd", "remove-member", member, "--nodes", endpoint, "--endpoints", endpoint], cancellationToken).ConfigureAwait(false);
                if (!remove.Succeeded)
                {
                    return UpgradeOutcome.Failed($"node {name}: its etcd member {member} could not be removed: {remove.LastError}");
                }
            }
        }
        else
        {
            log($"node {name}: does not answer ({reachable.LastError}); nothing to drain, its pods are rescheduled once its Node object is gone");
        }

        var deleted = await nodes.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
        return deleted is null
            ? UpgradeOutcome.Done($"node {name}: out of the cluster{(reachable.Succeeded ? ", reset and halted" : string.Empty)}; its VM can go")
            : UpgradeOutcome.Failed($"node {name}: out of etcd and drained, but its Node object stays: {deleted}");
    }
}
