namespace Tazlab.Stacks.Model;

/// <summary>
/// What this stack creates itself and what it takes from another stack's outputs. A tailnet has one policy
/// owner; every other stack in it references that owner.
/// </summary>
/// <param name="ReferenceStack">The fully qualified stack (org/project/stack) whose outputs a referencing stack reads.</param>
/// <param name="Protect">
/// Guard the stateful resources (the Vault server, the Talos machine secrets) against deletion: Pulumi's
/// <c>protect</c>, plus Hetzner's delete and rebuild protection on the server.
/// </param>
public sealed record Ownership(PartOwnership TailnetPolicy, PartOwnership VaultServer, string? ReferenceStack, bool Protect)
{
    public bool ReferencesAnything => TailnetPolicy == PartOwnership.Reference || VaultServer == PartOwnership.Reference;

    /// <summary>The last segment of <see cref="ReferenceStack"/>: the stack name whose file sits beside this one.</summary>
    public string? ReferenceStackName => ReferenceStack?.Split('/')[^1];
}
