using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The Tailscale operator's chart version and namespace.</summary>
internal sealed class OperatorRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var o = Config.Operator;
        Pinned("operatorChartVersion", o.ChartVersion);
        Label("operatorNamespace", o.Namespace);
    }
}
