namespace Tazlab.TailnetApi.Client;

/// <summary>One device of the tailnet as the API lists it.</summary>
/// <param name="Id">The id the device endpoints take.</param>
/// <param name="Name">The MagicDNS FQDN (e.g. <c>vault-1.example.ts.net</c>): a second device with a taken hostname gets a -N suffix here.</param>
/// <param name="Hostname">The hostname the machine reported.</param>
/// <param name="ConnectedToControl">Whether the device is connected to the control plane now; null when the API did not say.</param>
/// <param name="LastSeen">When the device was last connected; null when the API gave none.</param>
public sealed record TailscaleDevice(
    string Id,
    string NodeId,
    string Name,
    string Hostname,
    IReadOnlyList<string> Tags,
    bool? ConnectedToControl,
    DateTimeOffset? LastSeen)
{
    /// <summary>The first label of the MagicDNS name (the hostname when the API gave no name).</summary>
    public string FirstLabel => (Name.Length > 0 ? Name : Hostname).Split('.')[0];

    /// <summary>The MagicDNS name without a trailing dot and without its first label: the tailnet's DNS name.</summary>
    public string Domain
    {
        get
        {
            var name = Name.TrimEnd('.');
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? string.Empty : name[(dot + 1)..];
        }
    }
}
