namespace Tazlab.TestSupport.FakeTailscale;

/// <summary>A device the fake tailnet lists.</summary>
/// <param name="Name">MagicDNS FQDN, e.g. <c>vault-1.example.ts.net</c>.</param>
/// <param name="Connected">Serialised as connectedToControl; null leaves the field out.</param>
public sealed record FakeDevice(string Id, string Name, IReadOnlyList<string> Tags, bool? Connected, DateTimeOffset? LastSeen)
{
    public string NodeId => "n" + Id + "CNTRL";

    public string Hostname => Name.Split('.')[0];

    /// <summary>An offline device last seen <paramref name="ago"/> before now.</summary>
    public static FakeDevice Offline(string id, string name, TimeSpan ago, params string[] tags) => new(id, name, tags, false, DateTimeOffset.UtcNow - ago);

    public static FakeDevice Online(string id, string name, params string[] tags) => new(id, name, tags, true, DateTimeOffset.UtcNow);
}
