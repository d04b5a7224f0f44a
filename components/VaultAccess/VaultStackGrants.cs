using System.Collections.Immutable;
using Pulumi;
using Pulumi.Vault;
using Pulumi.Vault.AppRole;
using Tazlab.Blueprint.Rendering.VaultAccess;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Components.Rendering;
using Tazlab.Stacks.Naming;

namespace Tazlab.Components.VaultAccess;

/// <summary>
/// On the stack that owns Vault: for each <c>tazlab:vaultStackGrants</c> entry, the referencing stack's role and
/// reader policies (rendered from the grant: KV reads under its prefix only) and its own credential - its policy (its
/// JWT mount and roles, whose policies can only be those), an AppRole role with the settings every program credential
/// has, and a secret id. <see cref="Credentials"/> maps each stack to its role id and secret id, a
/// secret stack output the referencing stack reads through its stack reference.
/// </summary>
public sealed class VaultStackGrants : ComponentResource
{
    public const string TypeToken = "tazlab:vault:VaultStackGrants";

    public const string RoleIdKey = "roleId";

    public const string SecretIdKey = "secretId";

    public VaultStackGrants(string name, VaultStackGrantsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rendering = args.Rendering.Get<VaultAccessRendering>();
        var credentials = new Dictionary<string, Output<ImmutableDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var grant in rendering.Grants)
        {
            var stack = grant.Grant.Stack;
            var node = $"vault-grant:{stack}";
            CustomResourceOptions OnVault(params Resource[] after) => new() { Parent = this, Provider = args.Provider, DependsOn = args.Wiring.DependenciesOf(node, after) };
            Policy Write(VaultPolicy policy) => args.Wiring.Register(node, new Policy(policy.Name, new PolicyArgs
            {
                Name = policy.Name,
                PolicyContents = ApplyTimeRendering.File(rendering, VaultAccessRendering.FileOf(policy)),
            }, OnVault()));

            // The referencing stack's role and reader policies first: its roles name them from its first up.
            var granted = grant.Policies.Select(Write).ToList();
            var policy = grant.Credential;
            var written = Write(policy);
            var role = args.Wiring.Register(node, new AuthBackendRole(policy.Name, ProgramAppRoleArgs.For(policy.Name, AppRoleSettings.TailnetCidrs), WithSecretRoleId(OnVault([written, .. granted]))));
            // Every field of a secret id forces a new one; nothing here changes by itself, so it lives until replaced on purpose.
            var secretId = args.Wiring.Register(node, new AuthBackendRoleSecretId(policy.Name, new AuthBackendRoleSecretIdArgs
            {
                Backend = VaultAuthNames.AppRoleMount,
                RoleName = role.RoleName,
            }, OnVault(role)));
            credentials[stack] = Output.Tuple(role.RoleId, secretId.SecretId).Apply(t => ImmutableDictionary<string, string>.Empty
                .Add(RoleIdKey, t.Item1)
                .Add(SecretIdKey, t.Item2));
        }

        Credentials = Output.CreateSecret(Output.All(credentials.Select(c => c.Value.Apply(v => (c.Key, v))))
            .Apply(all => all.ToImmutableDictionary(p => p.Key, p => p.v, StringComparer.Ordinal)));
        RegisterOutputs(new Dictionary<string, object?> { ["credentials"] = Credentials });
    }

    /// <summary>stack name -> { roleId, secretId } (secret).</summary>
    [Output("credentials")]
    public Output<ImmutableDictionary<string, ImmutableDictionary<string, string>>> Credentials { get; }

    /// <summary>The provider does not mark the role id secret (pulumi-vault v7.11.0 AuthBackendRole.cs:201-211); half a credential is still one.</summary>
    private static CustomResourceOptions WithSecretRoleId(CustomResourceOptions options)
    {
        options.AdditionalSecretOutputs = ["roleId"];
        return options;
    }
}
