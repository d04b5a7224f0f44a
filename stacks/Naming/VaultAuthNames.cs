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

    /// <summary>The owning stack's program credential: AppRole role and policy <c>tazlab-program-&lt;stack&gt;</c>.</summary>
    public const string ProgramCredentialPrefix = "tazlab-program-";

    /// <summary>
    /// What the owner writes for a referencing stack starts with this: its credential's role and policy, and its JWT
    /// roles' policies. The owner's own credential may manage these names, and only these, among the credentials.
    /// </summary>
    public const string GrantPrefix = "tazlab-grant-";

    /// <summary>
    /// The Vault VM's backup credential, AppRole role and policy alike: it may take raft snapshots and nothing else.
    /// It carries the grant prefix because the owner's credential, whose policy the init wrote once, may create only
    /// such names; the grant rules keep every grant's names apart from it.
    /// </summary>
    public const string VaultBackupCredential = GrantPrefix + "vault-backup";

    /// <summary>The policy External Secrets reads with: <c>eso-reader</c> on the owning stack, <c>tazlab-grant-&lt;stack&gt;-eso-reader</c> elsewhere.</summary>
    public static string ReaderPolicy(StackConfig config) => ReaderPolicy(config.StackName, config.Ownership.VaultServer == PartOwnership.Own);

    /// <inheritdoc cref="ReaderPolicy(StackConfig)"/>
    public static string ReaderPolicy(string stackName, bool ownsVault) => ownsVault ? "eso-reader" : $"{GrantCredential(stackName)}-eso-reader";

    /// <summary>
    /// A role's own policy: <c>&lt;mount&gt;-&lt;role&gt;</c> on the owning stack (<c>jwt-grafana-consumer</c>), and
    /// <c>tazlab-grant-&lt;stack&gt;-&lt;role&gt;</c>, written by the owner, on a referencing stack.
    /// </summary>
    public static string RolePolicy(StackConfig config, JwtRole role) => config.Ownership.VaultServer == PartOwnership.Own
        ? RolePolicyPrefix(config.VaultAuth.MountPath) + role.Name
        : GrantRolePolicy(config.StackName, role.Name);

    /// <summary>What every role policy of the owner's JWT mount starts with: <c>jwt-</c>.</summary>
    public static string RolePolicyPrefix(string jwtMount) => jwtMount.Replace('/', '-') + "-";

    /// <summary>A referencing stack's role policy, e.g. <c>tazlab-grant-dev-grafana-consumer</c>.</summary>
    public static string GrantRolePolicy(string stackName, string roleName) => $"{GrantCredential(stackName)}-{roleName}";

    /// <summary>The owning stack's own credential, created by its init with the root token, e.g. <c>tazlab-program-prod</c>.</summary>
    public static string ProgramCredential(string stackName) => ProgramCredentialPrefix + stackName;

    /// <summary>A referencing stack's credential, created by the owner's program, e.g. <c>tazlab-grant-dev</c>.</summary>
    public static string GrantCredential(string stackName) => GrantPrefix + stackName;
}
