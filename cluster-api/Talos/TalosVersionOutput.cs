namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Reads the node's Talos version from <c>talosctl version</c>: the <c>Tag:</c> line of its <c>Server:</c> section
/// (cmd/talosctl/cmd/talos/version.go prints Client, then one Server block per node with NODE, Tag, SHA…).
/// </summary>
public static class TalosVersionOutput
{
    public static string? ServerTag(string stdout)
    {
        var inServer = false;
        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Server:", StringComparison.Ordinal))
            {
                inServer = true;
            }
            else if (inServer && line.StartsWith("Tag:", StringComparison.Ordinal))
            {
                return line["Tag:".Length..].Trim();
            }
        }

        return null;
    }
}
