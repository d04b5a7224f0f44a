using System.Net;
using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The Vault server: its device name, KV mount and prefix, pinned versions, SSH key and sources.</summary>
internal sealed class VaultServerRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var v = Config.Vault;
        Label("vaultDeviceName", v.DeviceName);
        if (!NameRules.IsVaultPath(v.KvMount))
        {
            Bag.Error(Key("vaultKvMount"), $"'{Show(v.KvMount)}' is not a mount path", NameRules.PathSegmentExpected);
        }

        if (!NameRules.IsVaultPath(v.KvPrefix))
        {
            Bag.Error(Key("vaultKvPrefix"), $"'{Show(v.KvPrefix)}' is not a path prefix", NameRules.PathSegmentExpected);
        }

        if (Config.Ownership.VaultServer != PartOwnership.Own)
        {
            return;
        }

        if (v.SshPublicKey is { } publicKey && !NameRules.IsSshPublicKey(publicKey))
        {
            Bag.Error(Key("vaultSshPublicKey"), $"'{Show(publicKey)}' is not an SSH public key", NameRules.SshPublicKeyExpected);
        }

        Pinned("vaultVersion", v.VaultVersion);
        Pinned("vaultTailscaleVersion", v.TailscaleVersion);
        Pinned("vaultImage", v.Image, NameRules.IsFloating(v.Image) ? null : v.Image.Length > 0);
        // The auth key goes over SSH on the public address before the VM is on the tailnet: someone must be let in.
        if (v.SshSources.Count == 0)
        {
            Bag.Error(Key("vaultSshSources"), "is empty, but the Vault VM's auth key reaches it over SSH on its public address before it joins the tailnet", "the public CIDRs of the machines that run pulumi up when the VM is created or replaced, e.g. [203.0.113.7/32]");
        }

        new VaultStackGrantRules(Config, Bag).Check();
        for (var i = 0; i < v.SshSources.Count; i++)
        {
            if (!IPNetwork.TryParse(v.SshSources[i], out var source) || source.ToString() != v.SshSources[i])
            {
                Bag.Error($"{Key("vaultSshSources")}[{i}]", $"'{Show(v.SshSources[i])}' is not a CIDR", "a source network such as 203.0.113.7/32");
            }
            else if (v.SshSources[i].EndsWith("/0", StringComparison.Ordinal))
            {
                Bag.Error($"{Key("vaultSshSources")}[{i}]", "opens SSH to the whole internet", "specific source networks: the machines that run pulumi up when the VM is created or replaced");
            }
        }
    }
}
