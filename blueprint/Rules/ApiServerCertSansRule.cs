using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Talos;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ030: the API server's tailnet name is in <c>cluster.apiServer.certSANs</c> (port 6443) and in no
/// <c>machine.certSANs</c> (the Talos API certificate, port 50000), whose change on a live cluster made trustd
/// regenerate the PKI and deadlocked the workers (DOMAIN.md failure 1). Checked on the rendered patches, read back.
/// </summary>
public sealed class ApiServerCertSansRule : ISafetyRule
{
    public string Id => "TZ030";

    public string Title => "The API server's name is in cluster.apiServer.certSANs, never in machine.certSANs";

    public string Fix => "Put the API server's name only in cluster.apiServer.certSANs of the control-plane patch, applied at bootstrap; never add it to machine.certSANs (the Talos API certificate) on any node.";

    public RuleResult Evaluate(PlanContext context)
    {
        var talos = context.Rendering.Get<TalosRendering>();
        var apiServer = context.Names.ApiServerFqdn;
        var messages = new List<string>();
        foreach (var patch in talos.Patches)
        {
            if (!TalosYaml.TryRead(patch, out var documents, out var problem))
            {
                messages.Add(problem);
                continue;
            }

            if (documents.Any(d => TalosYaml.Strings(d, "machine", "certSANs").Any(san => SameName(san, apiServer))))
            {
                messages.Add($"{patch.Path}: machine.certSANs holds the API server's name {apiServer}; that is the Talos API certificate, and changing it on a live cluster regenerates the cluster PKI");
            }

            if (patch == talos.ControlPlanePatch && !documents.Any(d => TalosYaml.Strings(d, "cluster", "apiServer", "certSANs").Any(san => SameName(san, apiServer))))
            {
                messages.Add($"{patch.Path}: cluster.apiServer.certSANs lacks the API server's name {apiServer}; clients reaching it over the tailnet would fail TLS verification");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }

    /// <summary>DNS names compare case-insensitively, with or without the root dot.</summary>
    private static bool SameName(string san, string name) =>
        string.Equals(san.TrimEnd('.'), name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
