using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>External Secrets: its chart version, namespace and the name of its secret store.</summary>
internal sealed class ExternalSecretsRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var e = Config.ExternalSecrets;
        Pinned("externalSecretsChartVersion", e.ChartVersion);
        Label("externalSecretsNamespace", e.Namespace);
        if (!NameRules.IsDnsSubdomain(e.StoreName) || e.StoreName.Length == 0)
        {
            Bag.Error(Key("externalSecretsStoreName"), $"'{Show(e.StoreName)}' is not a resource name", NameRules.DnsSubdomainExpected);
        }
    }
}
