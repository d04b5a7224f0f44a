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

    /// <summary>The AppRole auth mount the owning stack's init enables for the programs' credentials.</summary>
    public const string AppRoleMount = "approle";

    /// <summary>Every program credential's AppRole role and policy starts with this; the owner's may manage the others.</summary>
    public const string ProgramCredentialPrefix = "tazlab-program-";

    /// <summary>The policy External Secrets reads with: <c>eso-reader</c> on the owning stack, <c>eso-reader-&lt;stack&gt;</c> elsewhere.</summary>
    public static string ReaderPolicy(StackConfig config) => ReaderPolicy(config.StackName, config.Ownership.VaultServer == PartOwnership.Own);

    /// <inheritdoc cref="ReaderPolicy(StackConfig)"/>
    public static string ReaderPolicy(string stackName, bool ownsVault) => ownsVault ? "eso-reader" : $"eso-reader-{stackName}";

    /// <summary>A role's own policy, e.g. <c>jwt-grafana-consumer</c> (prod) and <c>jwt-dev-grafana-consumer</c> (dev).</summary>
    public static string RolePolicy(StackConfig config, JwtRole role) => RolePolicyPrefix(config.VaultAuth.MountPath) + role.Name;

    /// <summary>What every role policy of a JWT mount starts with: <c>jwt-</c>, <c>jwt-dev-</c>.</summary>
    public static string RolePolicyPrefix(string jwtMount) => jwtMount.Replace('/', '-') + "-";

    /// <summary>
    /// The AppRole role and the policy of a stack's Pulumi program on Vault, e.g. <c>tazlab-program-prod</c>: the
    /// owner's is created by its init with the root token, a referencing stack's by the owner's program.
    /// </summary>
    public static string ProgramCredential(string stackName) => ProgramCredentialPrefix + stackName;
}
