using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>Each grant's credential may touch only its stack's mount, and the owner writes that stack's policies: the names must be the stack's own, distinct from this stack's and from every other grant's.</summary>
internal sealed class VaultStackGrantRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var v = Config.Vault;
        var key = Key("vaultStackGrants");
        Unique(key, v.StackGrants.Select(g => g.Stack).ToList(), "stack");
        Unique(key, v.StackGrants.Select(g => g.JwtMount).ToList(), "jwtMount");
        var ownPrefix = VaultAuthNames.RolePolicyPrefix(Config.VaultAuth.MountPath);
        static bool Meet(string a, string b) => a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
        if (Meet(VaultAuthNames.ProgramCredentialPrefix, ownPrefix) || Meet(VaultAuthNames.GrantPrefix, ownPrefix))
        {
            Bag.Error(Key("vaultJwtMount"), $"'{Show(Config.VaultAuth.MountPath)}' names role policies '{ownPrefix}*', which would cover the programs' credentials ({VaultAuthNames.ProgramCredentialPrefix}*, {VaultAuthNames.GrantPrefix}*)", "a mount that does not start the word 'tazlab', e.g. jwt");
        }

        if (v.StackGrants.Count > 0 && !NameRules.IsAtLeast(v.VaultVersion, 1, 21))
        {
            Bag.Error(Key("vaultVersion"), $"{Show(v.VaultVersion)} matches allowed_parameters lists as a whole, so a grant's credential could not be held to its policies", "1.21.0 or later (Vault matches list parameters element by element from 1.21)");
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < v.StackGrants.Count; i++)
        {
            var grant = v.StackGrants[i];
            if (!NameRules.IsStackName(grant.Stack))
            {
                Bag.Error(Item(key, i, "stack"), $"'{Show(grant.Stack)}' is not a stack name", NameRules.StackNameExpected);
            }
            else if (grant.Stack == Config.StackName)
            {
                Bag.Error(Item(key, i, "stack"), $"'{grant.Stack}' is this stack, whose credential its own init creates", "a stack that references this one's Vault");
            }

            if (!NameRules.IsVaultPath(grant.JwtMount) || grant.JwtMount.Contains('/', StringComparison.Ordinal))
            {
                Bag.Error(Item(key, i, "jwtMount"), $"'{Show(grant.JwtMount)}' is not a mount name", NameRules.PathSegmentExpected);
            }
            else if (grant.JwtMount == Config.VaultAuth.MountPath || grant.JwtMount == VaultAuthNames.AppRoleMount)
            {
                Bag.Error(Item(key, i, "jwtMount"), $"'{grant.JwtMount}' is this stack's own mount", $"the referencing stack's own vaultJwtMount, e.g. jwt-{grant.Stack}");
            }

            if (!NameRules.IsVaultPath(grant.KvPrefix) || NameRules.KvPrefixesOverlap(grant.KvPrefix, v.KvPrefix))
            {
                Bag.Error(Item(key, i, "kvPrefix"), $"'{Show(grant.KvPrefix)}' is not a KV folder of its own (this stack reads {v.KvPrefix}/)", "the referencing stack's own vaultKvPrefix, a folder outside this stack's");
            }
            else if (v.StackGrants.Take(i).FirstOrDefault(g => NameRules.KvPrefixesOverlap(g.KvPrefix, grant.KvPrefix)) is { } other)
            {
                Bag.Error(Item(key, i, "kvPrefix"), $"'{grant.KvPrefix}' overlaps stack {other.Stack}'s '{other.KvPrefix}': each stack's roles would read the other's secrets", "a KV folder of this stack's own");
            }

            var rolesKey = Item(key, i, "roles");
            Unique(rolesKey, grant.Roles.Select(r => r.Name).ToList(), "name");
            List<string> policies = [VaultAuthNames.GrantCredential(grant.Stack), VaultAuthNames.ReaderPolicy(grant.Stack, ownsVault: false)];
            for (var r = 0; r < grant.Roles.Count; r++)
            {
                var role = grant.Roles[r];
                if (!NameRules.IsVaultPath(role.Name) || role.Name.Contains('/', StringComparison.Ordinal) || role.Name is "eso-reader" or VaultAuthNames.ExternalSecretsRole)
                {
                    Bag.Error($"{rolesKey}[{r}].name", $"'{Show(role.Name)}' is not a role name of the stack's own", "the name of one of its vaultJwtRoles: letters, digits, '-' or '_'");
                }

                for (var f = 0; f < role.SecretFolders.Count; f++)
                {
                    if (!NameRules.IsVaultPath(role.SecretFolders[f]) || role.SecretFolders[f].Contains('/', StringComparison.Ordinal) || role.SecretFolders[f] is "." or "..")
                    {
                        Bag.Error($"{rolesKey}[{r}].secrets[{f}]", $"'{Show(role.SecretFolders[f])}' is not a folder name", "one folder under the grant's kvPrefix: letters, digits, '-', '_' or '.'");
                    }
                }

                policies.Add(VaultAuthNames.GrantRolePolicy(grant.Stack, role.Name));
            }

            // tazlab-grant-dev-x is stack dev's role x and stack dev-x's credential alike.
            foreach (var policy in policies)
            {
                if (policy == VaultAuthNames.VaultBackupCredential)
                {
                    Bag.Error(Item(key, i, "stack"), $"the policy {policy} of stack {grant.Stack} is the name of this stack's Vault backup credential", "a stack or role name other than vault-backup (stack) or backup (role of stack vault)");
                }

                if (names.TryGetValue(policy, out var other) && other != grant.Stack)
                {
                    Bag.Error(Item(key, i, "stack"), $"the policy {policy} of stack {grant.Stack} is also stack {other}'s", "stack and role names whose policy names do not meet");
                }

                names.TryAdd(policy, grant.Stack);
            }
        }
    }
}
