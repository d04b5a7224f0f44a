using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Naming;

/// <summary>
/// The names of what a stack creates on Vault, which is shared: a referencing stack works on the owning stack's
/// Vault, where policies are global. Every name carries what is the stack's own (its JWT mount, which the
/// cross-stack rules keep distinct), so two stacks never write over each other's policies.
/// </summary>
public static class VaultAuthNames
{
    /// <summary>External Secrets' own JWT role, which the platform creates on the stack's mount.</summary>
    public const string ExternalSecretsRole = "external-secrets";

    /// <summary>The service account External Secrets' controller runs as (the chart's release name, set explicitly in its values).</summary>
    public const string ExternalSecretsServiceAccount = "external-secrets";

    /// <summary>How long a Vault token External Secrets logs in for lives: it logs in again with a fresh service-account token.</summary>
    public static readonly TimeSpan ExternalSecretsTokenTtl = TimeSpan.FromHours(1);

    /// <summary>The policy External Secrets reads with: <c>eso-reader</c> on the owning stack, <c>eso-reader-&lt;stack&gt;</c> elsewhere.</summary>
    public static string ReaderPolicy(StackConfig config) =>
        config.Ownership.VaultServer == PartOwnership.Own ? "eso-reader" : $"eso-reader-{config.StackName}";

    /// <summary>A role's own policy, e.g. <c>jwt-grafana-consumer</c> (prod) and <c>jwt-dev-grafana-consumer</c> (dev).</summary>
    public static string RolePolicy(StackConfig config, JwtRole role) => $"{config.VaultAuth.MountPath.Replace('/', '-')}-{role.Name}";
}
