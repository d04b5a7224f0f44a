using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultAuth;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ062: the rendered Vault policies only read and list below a path prefix: no write or admin capability,
/// nothing on a mount root, the whole KV store, or a wildcard-only path. Reads the policy HCL back.
/// </summary>
public sealed class VaultPolicyCapabilitiesRule : ISafetyRule
{
    private static readonly string[] WriteCapabilities = ["create", "update", "delete", "sudo", "patch"];

    /// <summary>KV v2's own path segments right below the mount: a grant there covers every secret in the store.</summary>
    private static readonly string[] KvV2Segments = ["data", "metadata", "delete", "undelete", "destroy", "subkeys"];

    public string Id => "TZ062";

    public string Title => "Vault policies grant no create/update/delete/sudo/patch and nothing on a mount root or wildcard-only path";

    public string Fix => "Grant read on <mount>/data/<prefix>/* and list on <mount>/metadata/<prefix>/* only; writing is not a reader's job.";

    public RuleResult Evaluate(PlanContext context)
    {
        var auth = context.Rendering.Get<VaultAuthRendering>();
        var kvMount = context.Config.Vault.KvMount;
        var messages = new List<string>();
        IReadOnlyList<VaultPolicy> policies;
        try
        {
            policies = auth.ReadPolicyFiles();
        }
        catch (FormatException error)
        {
            return RuleResult.Fail(this, [$"a rendered policy cannot be read back ({error.Message}), so its grants cannot be checked"]);
        }

        foreach (var policy in policies)
        {
            foreach (var path in policy.Paths)
            {
                foreach (var capability in path.Capabilities.Where(c => WriteCapabilities.Contains(c)))
                {
                    messages.Add($"policy {policy.Name} grants {capability} on \"{path.Path}\"");
                }

                if (TooBroad(path.Path, kvMount) is { } scope && path.Capabilities.Any(c => c != "deny"))
                {
                    messages.Add($"policy {policy.Name} grants {string.Join(", ", path.Capabilities)} on \"{path.Path}\", {scope}");
                }
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }

    /// <summary>Why a path covers too much, or null when it is scoped below a prefix.</summary>
    private static string? TooBroad(string path, string kvMount)
    {
        var segments = path.TrimEnd('*').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.All(s => s == "+"))
        {
            return "a wildcard-only path (every mount)";
        }

        if (segments.Length == 1)
        {
            return $"the root of mount {segments[0]}";
        }

        return segments.Length == 2 && segments[0] == kvMount && KvV2Segments.Contains(segments[1])
            ? $"every secret in the KV store {kvMount}"
            : null;
    }
}
