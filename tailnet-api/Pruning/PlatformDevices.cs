using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.TailnetApi.Pruning;

/// <summary>
/// What identifies a stack's devices in the tailnet: the hostnames it gives its devices and the tags they
/// carry. Both come from the validated stack configuration, the same source the devices are created from.
/// </summary>
/// <param name="Tailnet">The tailnet's MagicDNS name (<c>&lt;device&gt;.&lt;tailnet&gt;</c> is a device's canonical name).</param>
/// <param name="SharedTags">The stack's tags that another stack in the same tailnet uses too (dev and prod share the
/// cluster tags): a tag alone does not make a device this stack's when the tag is shared.</param>
public sealed record PlatformDevices(string Tailnet, IReadOnlyList<string> DeviceNames, IReadOnlyList<string> Tags, IReadOnlyList<string> SharedTags)
{
    /// <summary>The stack's devices, with the tags it shares with <paramref name="otherStacks"/> of the same tailnet.</summary>
    public static PlatformDevices From(StackConfig config, IEnumerable<StackConfig> otherStacks)
    {
        var own = From(config);
        var used = otherStacks
            .Where(other => other.Tailnet.Name == config.Tailnet.Name && other.StackName != config.StackName)
            .SelectMany(other => From(other).Tags)
            .ToHashSet(StringComparer.Ordinal);
        return own with { SharedTags = [.. own.Tags.Where(used.Contains)] };
    }

    /// <summary>A tag this stack alone uses: enough, by itself, to make a device the stack's.</summary>
    public bool IsExclusiveTag(string tag) => Tags.Contains(tag) && !SharedTags.Contains(tag);

    public static PlatformDevices From(StackConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var vaultOwned = config.Ownership.VaultServer == PartOwnership.Own;

        // A referencing stack names the Vault it uses but does not own it: pruning it is the owner's job.
        IEnumerable<string> names =
        [
            .. vaultOwned ? [config.Vault.DeviceName] : Array.Empty<string>(),
            config.Talos.ApiServerDeviceName,
            .. config.Talos.Nodes.Select(n => n.Name),
            PlatformNames.OperatorHostname(config),
        ];
        IEnumerable<string> tags =
        [
            .. vaultOwned ? config.Vault.Tags : [],
            .. config.Talos.Tags,
            .. config.Operator.ProxyTags,
            .. config.Operator.OperatorTags,
        ];
        return new PlatformDevices(
            config.Tailnet.Name,
            [.. names.Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. tags.Distinct(StringComparer.Ordinal)],
            []);
    }

    /// <summary>
    /// The platform device name a first label stands for: the name itself, or the name with the -N suffix
    /// Tailscale adds when the hostname is taken (<c>vault-1</c> is <c>vault</c>; <c>vault-other</c> is nothing).
    /// An exact match wins over a suffixed one, so <c>worker-1</c> is the node <c>worker-1</c>, not a copy of <c>worker</c>.
    /// </summary>
    public string? MatchName(string firstLabel)
    {
        ArgumentNullException.ThrowIfNull(firstLabel);
        if (DeviceNames.FirstOrDefault(n => string.Equals(n, firstLabel, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        return DeviceNames
            .Where(n => IsSuffixed(firstLabel, n))
            .OrderByDescending(n => n.Length)
            .FirstOrDefault();
    }

    /// <summary>The device's canonical MagicDNS name, the one clients and certificates use.</summary>
    public string CanonicalName(string deviceName) => $"{deviceName}.{Tailnet}";

    public bool IsInTailnet(string domain) => string.Equals(domain, Tailnet.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private static bool IsSuffixed(string label, string name) =>
        label.Length > name.Length + 1
        && label.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && label[name.Length] == '-'
        && label.AsSpan(name.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0;
}
