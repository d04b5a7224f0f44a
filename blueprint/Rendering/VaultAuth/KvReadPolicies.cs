namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// The policies that read the platform's KV v2 secrets: read on data paths, list on metadata paths, nothing else.
/// One builder for both who write them: a stack for its own roles, and the owning stack for a referencing stack's.
/// </summary>
public static class KvReadPolicies
{
    /// <summary>A JWT role's own policy: its folders under the prefix.</summary>
    public static VaultPolicy ForRole(string name, string roleName, string kvMount, string kvPrefix, IReadOnlyList<string> folders) => new(
        name,
        [$"Written by tazlab. JWT role {roleName} reads its own KV folders: read on", "their KV v2 data paths, list on their metadata paths, nothing else."],
        [
            .. folders.SelectMany(folder => new[]
            {
                new VaultPolicyPath($"{kvMount}/data/{kvPrefix}/{folder}/*", ["read"]),
                new VaultPolicyPath($"{kvMount}/metadata/{kvPrefix}/{folder}/*", ["list"]),
            }),
        ]);

    /// <summary>External Secrets' policy: everything under the prefix.</summary>
    public static VaultPolicy Reader(string name, string kvMount, string kvPrefix) => new(
        name,
        ["Written by tazlab. External Secrets reads the platform's secrets:", "read on the KV v2 data path, list on its metadata path, nothing else."],
        [
            new VaultPolicyPath($"{kvMount}/data/{kvPrefix}/*", ["read"]),
            new VaultPolicyPath($"{kvMount}/metadata/{kvPrefix}/*", ["list"]),
        ]);
}
