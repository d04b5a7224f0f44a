using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation;

/// <summary>
/// Rules that span stacks: a tailnet's policy has exactly one owner, a referencing stack points at a stack
/// that owns what it reads, and the tags it applies are owned in that stack's policy.
/// </summary>
public static class ProjectValidator
{
    /// <param name="stack">The stack being checked.</param>
    /// <param name="siblings">The project's other stacks that loaded cleanly.</param>
    public static void Validate(StackConfig stack, IReadOnlyList<StackConfig> siblings, DiagnosticBag diagnostics)
    {
        var prefix = stack.ProjectName + ":";
        if (stack.Ownership.TailnetPolicy == PartOwnership.Own)
        {
            foreach (var other in siblings.Where(s => s.Tailnet.Name == stack.Tailnet.Name && s.Ownership.TailnetPolicy == PartOwnership.Own))
            {
                diagnostics.Error(
                    prefix + "tailnetPolicy",
                    $"stack '{stack.StackName}' claims the policy of tailnet {stack.Tailnet.Name}, which stack '{other.StackName}' already owns",
                    $"one owner per tailnet: set tailnetPolicy: reference and referenceStack: <org>/{stack.ProjectName}/{other.StackName}");
            }
        }

        if (stack.Ownership.ReferenceStackName is not { } referenced || !stack.Ownership.ReferencesAnything)
        {
            return;
        }

        var owner = siblings.FirstOrDefault(s => s.StackName == referenced);
        if (owner is null)
        {
            // The referenced stack may live in another project or folder; nothing more can be checked offline.
            return;
        }

        if (stack.Ownership.TailnetPolicy == PartOwnership.Reference)
        {
            if (owner.Ownership.TailnetPolicy != PartOwnership.Own)
            {
                diagnostics.Error(prefix + "referenceStack", $"stack '{referenced}' does not own a tailnet policy", "the stack whose tailnetPolicy is own");
            }
            else if (owner.Tailnet.Name != stack.Tailnet.Name)
            {
                diagnostics.Error(prefix + "tailnetName", $"'{stack.Tailnet.Name}' differs from the referenced stack's tailnet '{owner.Tailnet.Name}'", owner.Tailnet.Name);
            }
            else
            {
                var owned = owner.Tailnet.TagOwners.Select(o => o.Tag).ToHashSet(StringComparer.Ordinal);
                ReportUnowned(prefix + "vaultTags", stack.Ownership.VaultServer == PartOwnership.Own ? stack.Vault.Tags : [], owned, referenced, diagnostics);
                ReportUnowned(prefix + "talosTags", stack.Talos.Tags, owned, referenced, diagnostics);
                ReportUnowned(prefix + "operatorProxyTags", stack.Operator.ProxyTags, owned, referenced, diagnostics);
                if (!stack.Operator.OperatorTags.SequenceEqual(owner.Operator.OperatorTags, StringComparer.Ordinal))
                {
                    diagnostics.Error(
                        prefix + "operatorTags",
                        $"[{string.Join(", ", stack.Operator.OperatorTags)}] differs from the tags of the operator OAuth client in stack '{referenced}'",
                        $"[{string.Join(", ", owner.Operator.OperatorTags)}]: the operator joins with that client, so its device carries exactly those tags");
                }
            }
        }

        if (stack.Ownership.VaultServer == PartOwnership.Reference && owner.Ownership.VaultServer != PartOwnership.Own)
        {
            diagnostics.Error(prefix + "referenceStack", $"stack '{referenced}' does not own a Vault server", "the stack whose vaultServer is own");
        }

        if (stack.Ownership.VaultServer == PartOwnership.Reference && owner.Vault.DeviceName != stack.Vault.DeviceName)
        {
            diagnostics.Error(prefix + "vaultDeviceName", $"'{stack.Vault.DeviceName}' differs from the referenced stack's Vault '{owner.Vault.DeviceName}'", owner.Vault.DeviceName);
        }

        // On a shared Vault a stack's mount, its policies (named after the mount) and its secrets are its own.
        if (stack.Ownership.VaultServer == PartOwnership.Reference && owner.Ownership.VaultServer == PartOwnership.Own)
        {
            if (stack.VaultAuth.MountPath == owner.VaultAuth.MountPath)
            {
                diagnostics.Error(prefix + "vaultJwtMount", $"'{stack.VaultAuth.MountPath}' is stack '{referenced}''s JWT mount on the same Vault: this stack's roles and policies would replace its", $"a mount of this stack's own, e.g. jwt-{stack.StackName}");
            }

            // The owner gives this stack its credential, for exactly this stack's mount and KV folder.
            var grant = owner.Vault.StackGrants.FirstOrDefault(g => g.Stack == stack.StackName);
            if (grant is null)
            {
                diagnostics.Error(prefix + "referenceStack", $"stack '{referenced}' grants this stack no Vault credential", $"in Pulumi.{referenced}.yaml, tazlab:vaultStackGrants: [{{stack: {stack.StackName}, jwtMount: {stack.VaultAuth.MountPath}, kvPrefix: {stack.Vault.KvPrefix}}}]");
            }
            else if (grant.JwtMount != stack.VaultAuth.MountPath || grant.KvPrefix != stack.Vault.KvPrefix)
            {
                diagnostics.Error(prefix + "vaultJwtMount", $"stack '{referenced}' grants this stack jwtMount {grant.JwtMount} and kvPrefix {grant.KvPrefix}, but it uses {stack.VaultAuth.MountPath} and {stack.Vault.KvPrefix}: its credential could not manage them", $"the same mount and prefix here and in {referenced}'s tazlab:vaultStackGrants");
            }
            else
            {
                // The owner writes the roles' policies from the grant: what this stack's roles read is what it grants.
                var granted = grant.Roles.Select(r => $"{r.Name} [{string.Join(", ", r.SecretFolders)}]").ToList();
                var wanted = stack.VaultAuth.Roles.Select(r => $"{r.Name} [{string.Join(", ", r.SecretFolders)}]").ToList();
                if (!granted.SequenceEqual(wanted))
                {
                    diagnostics.Error(prefix + "vaultJwtRoles", $"stack '{referenced}' grants this stack the roles [{string.Join("; ", granted)}], but it has [{string.Join("; ", wanted)}]: the owner writes the roles' policies from its grant", $"the same roles and folders here and in {referenced}'s tazlab:vaultStackGrants (roles: [{{name, secrets}}])");
                }
            }

            if (stack.Vault.KvMount != owner.Vault.KvMount)
            {
                diagnostics.Error(prefix + "vaultKvMount", $"'{stack.Vault.KvMount}' is not stack '{referenced}''s KV mount '{owner.Vault.KvMount}', the only one on its Vault", owner.Vault.KvMount);
            }

            if (stack.Vault.KvMount == owner.Vault.KvMount && NameRules.KvPrefixesOverlap(stack.Vault.KvPrefix, owner.Vault.KvPrefix))
            {
                diagnostics.Error(prefix + "vaultKvPrefix", $"'{stack.Vault.KvPrefix}' overlaps stack '{referenced}''s '{owner.Vault.KvPrefix}' in the {stack.Vault.KvMount} mount: each stack's policies would read the other's secrets", $"a prefix of this stack's own, e.g. {owner.Vault.KvPrefix}-{stack.StackName}");
            }
        }
    }

    private static void ReportUnowned(string key, IReadOnlyList<string> tags, HashSet<string> owned, string ownerStack, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (NameRules.IsTag(tags[i]) && !owned.Contains(tags[i]))
            {
                diagnostics.Error($"{key}[{i}]", $"uses {tags[i]}, which stack '{ownerStack}' gives no owner", $"a tag owned in stack '{ownerStack}' (add it to its tagOwners)");
            }
        }
    }
}
