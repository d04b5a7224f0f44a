namespace Tazlab.ClusterApi.Talos;

/// <summary>
/// Reads Image Factory's installer reference, <c>factory.talos.dev/&lt;platform&gt;-installer/&lt;schematic&gt;:&lt;version&gt;</c>
/// (siderolabs/talos cmd/talosctl/.../preset/preset.go): the schematic is the repository's last segment.
/// </summary>
public static class InstallerImage
{
    /// <summary>The schematic ID the image was built from, or null for an image that does not name one.</summary>
    public static string? SchematicOf(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        if (slash < 0)
        {
            return null;
        }

        var last = withoutDigest[(slash + 1)..];
        var colon = last.IndexOf(':', StringComparison.Ordinal);
        var repository = colon < 0 ? last : last[..colon];
        // A schematic ID is a SHA-256 in hex; any other name is an image that is not Image Factory's.
        return repository.Length == 64 && repository.All(Uri.IsHexDigit) ? repository.ToLowerInvariant() : null;
    }
}
