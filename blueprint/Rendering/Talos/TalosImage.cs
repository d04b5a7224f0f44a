namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>The Image Factory image the Talos VMs boot: platform, architecture, and the ISO's file name on a Proxmox host.</summary>
public static class TalosImage
{
    /// <summary>Proxmox VMs boot the nocloud image and read their first address from its cloud-init drive.</summary>
    public const string Platform = "nocloud";

    public const string Architecture = "amd64";

    /// <summary>
    /// The ISO's name in a Proxmox datastore, which stacks may share: the provider refuses a file another resource
    /// (another stack) already downloaded, and destroying either stack would delete the other's boot image, so the
    /// name carries the stack as well as what the image is.
    /// </summary>
    public static string IsoFileName(string stack, string schematicId, string talosVersion) =>
        $"talos-{stack.ToLowerInvariant()}-{schematicId[..Math.Min(12, schematicId.Length)]}-{talosVersion}-{Platform}-{Architecture}.iso";
}
