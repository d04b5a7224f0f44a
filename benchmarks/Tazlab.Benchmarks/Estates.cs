using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;

namespace Tazlab.Benchmarks;

/// <summary>
/// The configurations benchmarked: the committed prod and dev stacks, and a synthetic estate ten times prod's size
/// (ten times the nodes, access intents and JWT roles) built from it in memory.
/// </summary>
public static class Estates
{
    public const string Prod = "prod";
    public const string Dev = "dev";
    public const string TenTimes = "10x";

    /// <summary>The stack an estate runs as: the 10× estate is prod's configuration, grown.</summary>
    public static string StackOf(string estate) => estate == TenTimes ? Prod : estate;

    public static StackConfigSource Source(string estate, string projectDirectory)
    {
        var bag = new DiagnosticBag();
        var project = PulumiProjectReader.Read(projectDirectory, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
        var stack = StackFileReader.Read(projectDirectory, StackOf(estate), project, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
        return estate == TenTimes ? TenTimesLarger(stack) : stack;
    }

    private static StackConfigSource TenTimesLarger(StackConfigSource prod)
    {
        var values = new Dictionary<string, ConfigValue>(prod.Values, StringComparer.Ordinal)
        {
            ["tazlab:nodeCidr"] = new ConfigScalar("10.20.0.0/22"),
            ["tazlab:nodeGateway"] = new ConfigScalar("10.20.0.1"),
            ["tazlab:talosNodes"] = new ConfigSequence(Repeat(((ConfigSequence)prod.Values["tazlab:talosNodes"]).Items.Count * 10, i => Map(
                ("name", $"node-{i}"),
                ("role", i < 5 ? "controlplane" : "worker"),
                ("vmId", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("cores", "4"),
                ("memoryMiB", "8192"),
                ("diskGiB", "64"),
                ("ip", $"10.20.{i / 200}.{i % 200 + 10}"),
                ("proxmoxNode", $"pve-{i % 3}")))),
            ["tazlab:accessIntents"] = new ConfigSequence(Repeat(((ConfigSequence)prod.Values["tazlab:accessIntents"]).Items.Count * 10, i =>
                new ConfigMapping(((ConfigMapping)((ConfigSequence)prod.Values["tazlab:accessIntents"]).Items[i % 5]).Entries
                    .Select(e => e.Key == "name" ? new KeyValuePair<string, ConfigValue>("name", new ConfigScalar($"intent-{i}")) : e)
                    .ToList()))),
            ["tazlab:vaultJwtRoles"] = new ConfigSequence(Repeat(10, i => new ConfigMapping(
            [
                Entry("name", $"role-{i}"),
                Entry("namespace", $"team-{i}"),
                Entry("serviceAccount", $"app-{i}"),
                Entry("tokenTtl", "1h"),
                new("secrets", new ConfigSequence([new ConfigScalar($"app-{i}")])),
            ]))),
        };
        return prod with { Values = values };
    }

    private static List<ConfigValue> Repeat(int count, Func<int, ConfigValue> item) => Enumerable.Range(0, count).Select(item).ToList();

    private static ConfigMapping Map(params (string Key, string Value)[] entries) => new(entries.Select(e => Entry(e.Key, e.Value)).ToList());

    private static KeyValuePair<string, ConfigValue> Entry(string key, string value) => new(key, new ConfigScalar(value));
}
