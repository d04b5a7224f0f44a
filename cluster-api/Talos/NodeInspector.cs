namespace Tazlab.ClusterApi.Talos;

/// <summary>Asks a node what it runs: <c>talosctl version</c> for the version, <c>talosctl get extensions</c> for the schematic.</summary>
public sealed class NodeInspector(ITalosctl talosctl)
{
    /// <summary>What the node runs, or the reason it could not be read.</summary>
    public async Task<(RunningNode? Running, string? Problem)> ReadAsync(string node, string endpoint, CancellationToken cancellationToken)
    {
        var version = await talosctl.RunAsync(["version", "--nodes", node, "--endpoints", endpoint], cancellationToken).ConfigureAwait(false);
        var tag = version.Succeeded ? TalosVersionOutput.ServerTag(version.Stdout) : null;
        if (tag is null)
        {
            return (null, version.Succeeded ? "talosctl version printed no server tag" : version.LastError);
        }

        var extensions = await talosctl.RunAsync(["get", "extensions", "--nodes", node, "--endpoints", endpoint, "--output", "json"], cancellationToken).ConfigureAwait(false);
        var resources = extensions.Succeeded ? TalosResourceOutput.Resources(extensions.Stdout) : null;
        if (resources is null)
        {
            return (null, extensions.Succeeded ? "talosctl get extensions printed no JSON resources" : extensions.LastError);
        }

        return (new RunningNode(tag, TalosResourceOutput.SchematicId(resources)), null);
    }
}
