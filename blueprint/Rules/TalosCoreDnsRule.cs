using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Talos;

namespace Tazlab.Blueprint.Rules;

/// <summary>
/// TZ032: when CoreDNS is user-managed the patches disable Talos' own (<c>cluster.coreDNS.disabled: true</c>), or Talos
/// reverts every edit to it (DOMAIN.md failure 3); when it is not, nothing disables it, or no resolver runs at all.
/// </summary>
public sealed class TalosCoreDnsRule : ISafetyRule
{
    public string Id => "TZ032";

    public string Title => "Talos' own CoreDNS is disabled exactly when CoreDNS is user-managed";

    public string Fix => "Set cluster.coreDNS.disabled to tazlab:corednsUserManaged in the control-plane patch, and nowhere to anything else.";

    public RuleResult Evaluate(PlanContext context)
    {
        var talos = context.Rendering.Get<TalosRendering>();
        var userManaged = context.Config.CoreDns.UserManaged;
        var expected = userManaged ? "true" : "false";
        var key = $"{context.Config.ProjectName}:corednsUserManaged";
        var messages = new List<string>();
        foreach (var patch in talos.Patches)
        {
            if (!TalosYaml.TryRead(patch, out var documents, out var problem))
            {
                messages.Add(problem);
                continue;
            }

            var values = documents.Select(d => TalosYaml.String(d, "cluster", "coreDNS", "disabled")).OfType<string>().ToList();
            var wrong = values.FirstOrDefault(v => !string.Equals(v, expected, StringComparison.OrdinalIgnoreCase));
            if (wrong is not null)
            {
                messages.Add($"{patch.Path}: cluster.coreDNS.disabled is {wrong} but {key} is {expected}");
            }
            else if (userManaged && patch == talos.ControlPlanePatch && values.Count == 0)
            {
                messages.Add($"{patch.Path}: cluster.coreDNS.disabled is not set, so Talos keeps managing its own CoreDNS and reverts the user-managed one ({key} is true)");
            }
        }

        return RuleResult.FailIfAny(this, messages);
    }
}
