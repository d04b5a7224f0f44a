using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.TestSupport.FakeTailscale;

/// <summary>
/// A tailnet after a few destroy/create cycles of the prod stack: live devices, ghosts holding canonical
/// names, suffixed copies, and devices that are not the platform's. <see cref="ExpectedDeletions"/> are the
/// ids a default run (offline for over 1h) must delete, and nothing else.
/// </summary>
/// <remarks>
/// The proxy tag selects the unnamed proxy ghost only when no other stack shares it. In the repository, dev and
/// prod share it, so the CLI (which reads every stack) must leave that device alone: pass <c>proxyTagShared</c>.
/// </remarks>
public sealed class GhostScenario
{
    private readonly bool _proxyTagShared;

    public GhostScenario(StackConfig config, bool proxyTagShared = false)
    {
        _proxyTagShared = proxyTagShared;
        var tailnet = config.Tailnet.Name;
        var vault = config.Vault.DeviceName;
        var api = config.Talos.ApiServerDeviceName;
        var node = config.Talos.Nodes[0].Name;
        var operatorHost = PlatformNames.OperatorHostname(config);
        var vaultTag = config.Vault.Tags[0];
        var nodeTag = config.Talos.Tags[0];
        var proxyTag = config.Operator.ProxyTags[0];
        var operatorTag = config.Operator.OperatorTags[0];
        string Fqdn(string label) => $"{label}.{tailnet}";

        LiveVault = FakeDevice.Online("101", Fqdn(vault), vaultTag);
        GhostVaultCopy = FakeDevice.Offline("102", Fqdn(vault + "-1"), TimeSpan.FromHours(3), vaultTag);
        GhostApiHolder = FakeDevice.Offline("103", Fqdn(api), TimeSpan.FromHours(5), proxyTag);
        LiveApiCopy = FakeDevice.Online("104", Fqdn(api + "-1"), proxyTag);
        RecentlyOfflineNode = FakeDevice.Offline("105", Fqdn(node), TimeSpan.FromMinutes(10), nodeTag);
        GhostOperator = FakeDevice.Offline("106", Fqdn(operatorHost + "-2"), TimeSpan.FromDays(2), operatorTag);
        UntaggedVaultCopy = FakeDevice.Offline("107", Fqdn(vault + "-2"), TimeSpan.FromDays(3));
        LookalikeName = FakeDevice.Offline("108", Fqdn(vault + "-other"), TimeSpan.FromDays(3));
        ForeignLaptop = FakeDevice.Offline("109", Fqdn("laptop"), TimeSpan.FromDays(30));
        ForeignTagged = FakeDevice.Offline("110", Fqdn("printer"), TimeSpan.FromDays(30), "tag:printers");
        GhostTaggedProxy = FakeDevice.Offline("111", Fqdn("monitoring-grafana"), TimeSpan.FromHours(2), proxyTag);
        OtherTailnetVault = FakeDevice.Offline("112", $"{vault}.other-tailnet.ts.net", TimeSpan.FromDays(3), vaultTag);
    }

    public FakeDevice LiveVault { get; }

    public FakeDevice GhostVaultCopy { get; }

    public FakeDevice GhostApiHolder { get; }

    public FakeDevice LiveApiCopy { get; }

    public FakeDevice RecentlyOfflineNode { get; }

    public FakeDevice GhostOperator { get; }

    public FakeDevice UntaggedVaultCopy { get; }

    public FakeDevice LookalikeName { get; }

    public FakeDevice ForeignLaptop { get; }

    public FakeDevice ForeignTagged { get; }

    public FakeDevice GhostTaggedProxy { get; }

    public FakeDevice OtherTailnetVault { get; }

    public FakeDevice[] All =>
    [
        LiveVault, GhostVaultCopy, GhostApiHolder, LiveApiCopy, RecentlyOfflineNode, GhostOperator,
        UntaggedVaultCopy, LookalikeName, ForeignLaptop, ForeignTagged, GhostTaggedProxy, OtherTailnetVault,
    ];

    public string[] ExpectedDeletions => _proxyTagShared
        ? [GhostVaultCopy.Id, GhostApiHolder.Id, GhostOperator.Id]
        : [GhostVaultCopy.Id, GhostApiHolder.Id, GhostOperator.Id, GhostTaggedProxy.Id];

    /// <summary>Devices the run must list as considered (kept or deleted); the others it must not even consider.</summary>
    public string[] Considered =>
    [
        LiveVault.Id, GhostVaultCopy.Id, GhostApiHolder.Id, LiveApiCopy.Id, RecentlyOfflineNode.Id, GhostOperator.Id, UntaggedVaultCopy.Id,
        .. _proxyTagShared ? Array.Empty<string>() : [GhostTaggedProxy.Id],
    ];

    public FakeDevice[] NotConsidered =>
    [
        LookalikeName, ForeignLaptop, ForeignTagged, OtherTailnetVault,
        .. _proxyTagShared ? [GhostTaggedProxy] : Array.Empty<FakeDevice>(),
    ];

    public FakeDevice ById(string id) => All.Single(d => d.Id == id);
}
