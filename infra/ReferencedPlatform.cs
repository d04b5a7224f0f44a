using Pulumi;
using Tazlab.Components.VaultAccess;
using Tazlab.Components.Wiring;

namespace Tazlab.Infra;

/// <summary>
/// The owning stack's outputs, for a stack that references its tailnet policy and Vault: read through one
/// StackReference (the graph's <c>stack-reference</c> node), credentials kept secret.
/// </summary>
public sealed class ReferencedPlatform
{
    public ReferencedPlatform(string fullyQualifiedStack, PlatformWiring wiring)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        Reference = wiring.Register("stack-reference", new StackReference("reference", new StackReferenceArgs { Name = fullyQualifiedStack }));
    }

    public StackReference Reference { get; }

    /// <summary>One output of the owning stack as text; secret when the owner exported it as a secret or when it is a credential.</summary>
    public Output<string> Read(string name)
    {
        var value = Reference.RequireOutput(name).Apply(v => v?.ToString() ?? string.Empty);
        return StackOutputs.Secret.Contains(name) ? Output.CreateSecret(value) : value;
    }

    /// <summary>
    /// This stack's own Vault credential from the owner's grants. A missing entry, or a map the reading stack could
    /// not decrypt (the engine elides it as <c>{}</c>), fails the run with what to do, never an empty credential.
    /// </summary>
    public VaultProgramCredential VaultCredential(string stackName, string ownerStack)
    {
        var entry = Reference.RequireOutput(StackOutputs.VaultStackCredentials).Apply(value =>
        {
            if (value is IReadOnlyDictionary<string, object> grants
                && grants.TryGetValue(stackName, out var found)
                && found is IReadOnlyDictionary<string, object> credential
                && credential.TryGetValue(VaultStackGrants.RoleIdKey, out var roleId) && roleId is string { Length: > 0 } role
                && credential.TryGetValue(VaultStackGrants.SecretIdKey, out var secretId) && secretId is string { Length: > 0 } secret)
            {
                return (Role: role, Secret: secret);
            }

            throw new RunException($"{ownerStack}'s output {StackOutputs.VaultStackCredentials} holds no Vault credential for stack {stackName}: add {{stack: {stackName}, jwtMount: <its vaultJwtMount>, kvPrefix: <its vaultKvPrefix>}} to {ownerStack}'s tazlab:vaultStackGrants and run its up; if it is there, this stack cannot decrypt {ownerStack}'s secrets (use the same secrets provider).");
        });
        return new VaultProgramCredential(Output.CreateSecret(entry.Apply(e => e.Role)), Output.CreateSecret(entry.Apply(e => e.Secret)));
    }
}
