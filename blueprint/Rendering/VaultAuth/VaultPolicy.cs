using Tazlab.Blueprint.Rendering.VaultServer.Hcl;

namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>A Vault ACL policy, written as HCL with the typed writer and read back for checks.</summary>
/// <param name="Purpose">Comment lines at the top of the file.</param>
public sealed record VaultPolicy(string Name, IReadOnlyList<string> Purpose, IReadOnlyList<VaultPolicyPath> Paths)
{
    /// <summary>Where the Pulumi layer finds the policy's HCL.</summary>
    public string FilePath => $"{VaultAuthRendering.PolicyFolder}{Name}.hcl";

    public HclDocument ToHcl() => new(
    [
        .. Purpose.Select(line => new HclComment(line)),
        .. Paths.Select(p => new HclBlock("path", [p.Path],
        [
            new HclArgument("capabilities", Strings(p.Capabilities)),
            .. p.AllowedParameters is { } allowed
                ? [new HclArgument("allowed_parameters", new HclObject(allowed.Select(a => new KeyValuePair<string, HclValue>(a.Key, Strings(a.Value))).ToList()))]
                : Array.Empty<HclNode>(),
        ])),
    ]);

    /// <summary>Reads a policy's path rules back; anything but <c>path</c> blocks with a capability list is a <see cref="FormatException"/>.</summary>
    public static VaultPolicy FromHcl(string name, HclDocument document)
    {
        var paths = new List<VaultPolicyPath>();
        foreach (var node in document.Body)
        {
            if (node is not HclBlock { Type: "path", Labels.Count: 1 } block)
            {
                throw new FormatException($"policy {name}: only path \"…\" {{ }} blocks are expected, found {node}");
            }

            var capabilities = block.Argument("capabilities") as HclList ?? throw new FormatException($"policy {name}: path \"{block.Labels[0]}\" has no capability list");
            var allowed = block.Argument("allowed_parameters") is HclObject parameters
                ? parameters.Entries.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, (e.Value as HclList)?.Strings() ?? throw new FormatException($"policy {name}: allowed parameter {e.Key} is not a list"))).ToList()
                : null;
            paths.Add(new VaultPolicyPath(block.Labels[0], capabilities.Strings(), allowed));
        }

        return new VaultPolicy(name, [], paths);
    }

    private static HclList Strings(IEnumerable<string> values) => new(values.Select(v => (HclValue)new HclString(v)).ToList());
}
