using System.Net;
using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.VaultServer;
using Tazlab.Blueprint.Rendering.VaultServer.CloudInit;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ021: Vault listens only on loopback and on its tailnet address, never on a wildcard or public address.
/// Reads vault.hcl and the tailnet listener template back out of the rendered cloud-init.
/// </summary>
public sealed class VaultListenerRule : ISafetyRule
{
    /// <summary>Tailscale's IPv4 range (carrier-grade NAT space) and its IPv6 ULA prefix.</summary>
    private static readonly IPNetwork[] TailnetRanges = [IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("fd7a:115c:a1e0::/48")];

    public string Id => "TZ021";

    public string Title => "Vault listens only on loopback and its tailnet address, never 0.0.0.0 or a public address";

    public string Fix => "Bind each Vault listener (address, cluster_address) to 127.0.0.1 or to the tailnet address the listener script resolves; Vault is reached only over the tailnet.";

    public RuleResult Evaluate(PlanContext context)
    {
        var server = context.Rendering.Get<VaultServerRendering>();
        if (!server.Owned)
        {
            return RuleResult.Pass(this);
        }

        var messages = new List<string>();
        try
        {
            var cloudConfig = server.ReadCloudInitFile();
            var config = cloudConfig.File(VaultServerPaths.Config);
            if (config is null)
            {
                messages.Add($"cloud-init writes no {VaultServerPaths.Config}");
            }

            foreach (var file in new[] { config, cloudConfig.File(VaultServerPaths.TailnetListenerTemplate) }.OfType<CloudConfigFile>())
            {
                var isTemplate = file.Path == VaultServerPaths.TailnetListenerTemplate;
                foreach (var listener in HclReader.Read(file.Content).Blocks("listener").Where(l => l.Labels.SequenceEqual(["tcp"])))
                {
                    foreach (var setting in new[] { "address", "cluster_address" })
                    {
                        if (listener.Argument(setting) is HclString { Value: var value } && Problem(value, isTemplate) is { } problem)
                        {
                            messages.Add($"{file.Path}: listener {setting} = \"{value}\" {problem}");
                        }
                    }
                }
            }
        }
        catch (FormatException error)
        {
            messages.Add($"the rendered Vault configuration cannot be read back ({error.Message}), so its listeners cannot be checked");
        }

        return RuleResult.FailIfAny(this, messages);
    }

    /// <summary>Why a listener address is not allowed, or null when it is loopback or tailnet.</summary>
    private static string? Problem(string address, bool isTemplate)
    {
        var colon = address.LastIndexOf(':');
        var host = (colon < 0 ? address : address[..colon]).Trim('[', ']');
        if (isTemplate && host == VaultServerPaths.TailnetAddressToken)
        {
            // The listener script fills the token with an address it has checked is inside 100.64.0.0/10.
            return null;
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            return "is not an address: Vault would bind whatever the name resolves to";
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return "binds every interface, the public one included";
        }

        return IPAddress.IsLoopback(ip) || TailnetRanges.Any(range => range.Contains(ip))
            ? null
            : "is neither loopback nor a tailnet address";
    }
}
