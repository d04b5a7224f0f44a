using FsCheck;
using FsCheck.Fluent;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;
using Tazlab.Stacks.Validation;
using Tazlab.TestSupport;

namespace Tazlab.Blueprint.Tests.Properties;

/// <summary>
/// FsCheck generators of stack configurations: valid ones (the committed prod stack with its estate, names,
/// networks and choices varied within the rules) and mutations of valid ones (keys removed, values replaced by
/// junk of every shape, unknown keys added).
/// </summary>
public static class ConfigGenerators
{
    /// <summary>A recognisable ciphertext in every secret: it must never come out of the pipeline.</summary>
    public const string SecretMarker = "FUZZ-SECRET-MARKER-5e0d";

    /// <summary>The committed prod stack (project defaults applied), with every secret set to the marker.</summary>
    public static readonly StackConfigSource Prod = WithSecrets(ReadProd());

    private static readonly string[] Labels = ["alpha", "bravo", "vault", "k8s", "edge-1", "x", "node-a9", "long-name-with-dashes"];

    /// <summary>Node, pod and service networks that never overlap, with a CoreDNS address inside the service one.</summary>
    private static readonly (string Node, string Gateway, string Pod, string Service, string DnsIp, string HostPrefix)[] Networks =
    [
        ("192.168.1.0/24", "192.168.1.1", "10.244.0.0/16", "10.96.0.0/12", "10.96.0.10", "192.168.1."),
        ("10.10.0.0/24", "10.10.0.254", "172.16.0.0/16", "10.96.0.0/16", "10.96.0.53", "10.10.0."),
        ("172.20.5.0/24", "172.20.5.1", "10.42.0.0/16", "10.43.0.0/16", "10.43.0.10", "172.20.5."),
    ];

    public static Gen<StackConfigSource> Valid { get; } =
        from tailnet in Gen.Elements(Labels)
        from vault in Gen.Elements(Labels)
        from api in Gen.Elements(Labels).Where(l => l != vault)
        from network in Gen.Elements(Networks)
        from controlPlanes in Gen.Elements(1, 3, 5)
        from workers in Gen.Choose(0, 6)
        from hostStart in Gen.Choose(2, 200)
        from port in Gen.Choose(1, 65535)
        from replicas in Gen.Choose(1, 5)
        from userManaged in Gen.Elements(true, false)
        from oauthSource in Gen.Frequency((4, Gen.Constant("bootstrap")), (1, Gen.Constant("vault")))
        from jwtMode in Gen.Elements("pubkeys", "jwks-url")
        from roles in Gen.Choose(0, 4)
        from ttlHours in Gen.Choose(1, 48)
        from intents in Gen.Choose(1, 5)
        select With(Prod, new Dictionary<string, ConfigValue>
        {
            ["tazlab:tailnetName"] = S($"{tailnet}.ts.net"),
            ["tazlab:vaultDeviceName"] = S(vault),
            ["tazlab:apiServerDeviceName"] = S(api),
            ["tazlab:vaultApiPort"] = S(port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["tazlab:nodeCidr"] = S(network.Node),
            ["tazlab:nodeGateway"] = S(network.Gateway),
            ["tazlab:podCidr"] = S(network.Pod),
            ["tazlab:serviceCidr"] = S(network.Service),
            ["tazlab:corednsClusterIp"] = S(network.DnsIp),
            ["tazlab:corednsReplicas"] = S(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["tazlab:corednsUserManaged"] = S(userManaged ? "true" : "false"),
            ["tazlab:operatorOAuthSource"] = S(oauthSource),
            ["tazlab:vaultJwtValidationMode"] = S(jwtMode),
            ["tazlab:talosNodes"] = Nodes(controlPlanes, workers, network.HostPrefix, hostStart),
            ["tazlab:vaultJwtRoles"] = Roles(roles, ttlHours),
            ["tazlab:accessIntents"] = Intents(intents),
        });

    /// <summary>A valid configuration with one to three things broken.</summary>
    public static Gen<StackConfigSource> Mutated { get; } =
        from source in Valid
        from count in Gen.Choose(1, 3)
        from mutations in Gen.ArrayOf(Mutation, count)
        select mutations.Aggregate(source, (s, mutate) => mutate(s));

    /// <summary>Half valid, half mutated.</summary>
    public static Gen<StackConfigSource> Any { get; } = Gen.OneOf(Valid, Mutated);

    private static Gen<Func<StackConfigSource, StackConfigSource>> Mutation { get; } =
        Gen.OneOf(
            from index in Gen.Choose(0, 1000)
            select (Func<StackConfigSource, StackConfigSource>)(s => Without(s, KeyAt(s, index))),
            from index in Gen.Choose(0, 1000)
            from junk in Junk
            select (Func<StackConfigSource, StackConfigSource>)(s => With(s, new Dictionary<string, ConfigValue> { [KeyAt(s, index)] = junk })),
            from index in Gen.Choose(0, 1000)
            from inner in Gen.Choose(0, 1000)
            from junk in Junk
            select (Func<StackConfigSource, StackConfigSource>)(s => With(s, new Dictionary<string, ConfigValue> { [KeyAt(s, index)] = Nested(s.Values[KeyAt(s, index)], inner, junk) })),
            from name in Gen.Elements("tazlab:extra", "tazlab:vaultApiPorts", "tazlab:talosNode", "tazlab:")
            from junk in Junk
            select (Func<StackConfigSource, StackConfigSource>)(s => With(s, new Dictionary<string, ConfigValue> { [name] = junk })));

    /// <summary>Values of every shape, including ones no stack file should hold.</summary>
    private static Gen<ConfigValue> Junk { get; } = Gen.OneOf(
        Gen.Elements<ConfigValue>(
            S(string.Empty),
            new ConfigScalar("null"),
            S("0"),
            S("-1"),
            S("99999999999999999999"),
            S("latest"),
            S("*"),
            S("tag:"),
            S("10.96.0.0/12"),
            S("256.1.1.1"),
            S("ünïcødé-näme"),
            S("line\nbreak\u0000nul"),
            S(new string('x', 5000)),
            S("true"),
            S("1h30m"),
            new ConfigSecret(SecretMarker),
            new ConfigSequence([]),
            new ConfigSequence([S("a"), new ConfigMapping([])]),
            new ConfigMapping([]),
            new ConfigMapping([new("name", S("x")), new("unknown", S("y"))])),
        Gen.Choose(-5, 70000).Select(n => (ConfigValue)S(n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static ConfigScalar S(string text) => new(text);

    private static ConfigValue Nodes(int controlPlanes, int workers, string hostPrefix, int hostStart) =>
        new ConfigSequence(Enumerable.Range(0, controlPlanes + workers).Select(i => (ConfigValue)new ConfigMapping(
        [
            new("name", S(i < controlPlanes ? $"cp-{i}" : $"worker-{i}")),
            new("role", S(i < controlPlanes ? "controlplane" : "worker")),
            new("vmId", S((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new("cores", S("2")),
            new("memoryMiB", S("4096")),
            new("diskGiB", S("32")),
            new("ip", S(hostPrefix + ((hostStart + i) % 250 + 2).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new("proxmoxNode", S("pve")),
        ])).ToList());

    private static ConfigValue Roles(int count, int ttlHours) =>
        new ConfigSequence(Enumerable.Range(0, count).Select(i => (ConfigValue)new ConfigMapping(
        [
            new("name", S($"role-{i}")),
            new("namespace", S($"ns-{i}")),
            new("serviceAccount", S($"sa-{i}")),
            new("tokenTtl", S($"{ttlHours}h")),
            new("secrets", new ConfigSequence([S($"folder-{i}")])),
        ])).ToList());

    private static ConfigValue Intents(int count)
    {
        var all = ((ConfigSequence)Prod.Values["tazlab:accessIntents"]).Items;
        return new ConfigSequence(all.Take(Math.Min(count, all.Count)).ToList());
    }

    private static string KeyAt(StackConfigSource source, int index)
    {
        var keys = source.Values.Keys.Order(StringComparer.Ordinal).ToList();
        return keys[index % keys.Count];
    }

    /// <summary>Replaces one item or entry inside a list or mapping (or the value itself when it is a scalar).</summary>
    private static ConfigValue Nested(ConfigValue value, int index, ConfigValue junk) => value switch
    {
        ConfigSequence { Items.Count: > 0 } list => new ConfigSequence(list.Items.Select((item, i) => i == index % list.Items.Count ? Nested(item, index / 7, junk) : item).ToList()),
        ConfigMapping { Entries.Count: > 0 } map => new ConfigMapping(map.Entries.Select((e, i) => i == index % map.Entries.Count ? new KeyValuePair<string, ConfigValue>(e.Key, junk) : e).ToList()),
        _ => junk,
    };

    private static StackConfigSource With(StackConfigSource source, Dictionary<string, ConfigValue> changes)
    {
        var values = new Dictionary<string, ConfigValue>(source.Values, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return source with { Values = values };
    }

    private static StackConfigSource Without(StackConfigSource source, string key)
    {
        var values = new Dictionary<string, ConfigValue>(source.Values, StringComparer.Ordinal);
        values.Remove(key);
        return source with { Values = values };
    }

    private static StackConfigSource WithSecrets(StackConfigSource source) => With(source, new Dictionary<string, ConfigValue>
    {
        ["tazlab:fluxGitToken"] = new ConfigSecret(SecretMarker),
        ["tazlab:vaultSshPrivateKey"] = new ConfigSecret(SecretMarker),
        ["hcloud:token"] = new ConfigSecret(SecretMarker),
        ["tailscale:oauthClientSecret"] = new ConfigSecret(SecretMarker),
    });

    private static StackConfigSource ReadProd()
    {
        var bag = new DiagnosticBag();
        var project = PulumiProjectReader.Read(RepoPaths.Root, bag)!;
        return StackFileReader.Read(RepoPaths.Root, "prod", project, bag)!;
    }
}
