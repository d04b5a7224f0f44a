using Tazlab.Stacks.Model;
using Tazlab.Stacks.Naming;
using Tazlab.Stacks.Reading;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>Vault JWT auth for Kubernetes service accounts: the mount and each role's bound subject, lifetimes and folders.</summary>
internal sealed class VaultAuthRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var a = Config.VaultAuth;
        if (!NameRules.IsVaultPath(a.MountPath))
        {
            Bag.Error(Key("vaultJwtMount"), $"'{Show(a.MountPath)}' is not a mount path", NameRules.PathSegmentExpected);
        }

        var key = Key("vaultJwtRoles");
        Unique(key, a.Roles.Select(r => r.Name).ToList(), "name");
        for (var i = 0; i < a.Roles.Count; i++)
        {
            var role = a.Roles[i];
            if (!NameRules.IsVaultPath(role.Name) || role.Name.Contains('/', StringComparison.Ordinal))
            {
                Bag.Error(Item(key, i, "name"), $"'{Show(role.Name)}' is not a role name", "letters, digits, '-' or '_'");
            }

            // A wildcard or empty part would bind every service account: no bound subject at all.
            if (!NameRules.IsRfc1123Label(role.Namespace))
            {
                Bag.Error(Item(key, i, "namespace"), $"'{Show(role.Namespace)}' does not name one namespace, so the role has no bound subject", "a Kubernetes namespace (" + NameRules.Rfc1123LabelExpected + ")");
            }

            if (!NameRules.IsDnsSubdomain(role.ServiceAccount) || role.ServiceAccount.Length == 0)
            {
                Bag.Error(Item(key, i, "serviceAccount"), $"'{Show(role.ServiceAccount)}' does not name one service account, so the role has no bound subject", "a service account name (" + NameRules.DnsSubdomainExpected + ")");
            }

            if (role.TokenTtl <= TimeSpan.Zero || role.TokenTtl > VaultKubernetesAuthConfig.MaxTokenTtl)
            {
                Bag.Error(Item(key, i, "tokenTtl"), $"{DurationParser.Format(role.TokenTtl)} is out of range", "more than 0 and at most 768h (Vault's default maximum lease); keep it short: JWT auth cannot revoke a token early");
            }

            if (role.TokenMaxTtl < role.TokenTtl || role.TokenMaxTtl > VaultKubernetesAuthConfig.MaxTokenTtl)
            {
                Bag.Error(Item(key, i, "tokenMaxTtl"), $"{DurationParser.Format(role.TokenMaxTtl)} is out of range", $"at least tokenTtl ({DurationParser.Format(role.TokenTtl)}) and at most 768h");
            }

            for (var f = 0; f < role.SecretFolders.Count; f++)
            {
                // One path segment: a '/', '*', '+' or '..' would widen the policy beyond the folder.
                if (!NameRules.IsVaultPath(role.SecretFolders[f]) || role.SecretFolders[f].Contains('/', StringComparison.Ordinal) || role.SecretFolders[f] is "." or "..")
                {
                    Bag.Error($"{Item(key, i, "secrets")}[{f}]", $"'{Show(role.SecretFolders[f])}' is not a folder name", "one folder under the stack's vaultKvPrefix: letters, digits, '-', '_' or '.'");
                }
            }

            if (role.Name == VaultAuthNames.ExternalSecretsRole)
            {
                Bag.Error(Item(key, i, "name"), $"'{role.Name}' is External Secrets' own role, which the platform creates", "another name");
            }
        }
    }
}
