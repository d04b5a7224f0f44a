namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Reads <c>talosctl etcd members</c>: a table with a header, NODE first when the answer names the node
/// (cmd/talosctl/cmd/talos/etcd.go), then ID and HOSTNAME; no column holds a space.
/// </summary>
public static class EtcdMembersOutput
{
    /// <summary>The member ID of the member with that hostname, or null when there is none.</summary>
    public static string? MemberIdOf(string stdout, string hostname)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var id = Array.IndexOf(header, "ID");
        var name = Array.IndexOf(header, "HOSTNAME");
        if (id < 0 || name < 0)
        {
            return null;
        }

        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > Math.Max(id, name) && string.Equals(fields[name], hostname, StringComparison.Ordinal))
            {
                return fields[id];
            }
        }

        return null;
    }
}
