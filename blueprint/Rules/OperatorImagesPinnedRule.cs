using Tazlab.Blueprint.Planning;
using Tazlab.Blueprint.Rendering.Operator;
using Tazlab.Stacks.Validation;

namespace Tazlab.Blueprint.Rules;

/// <summary>TZ050: the operator's and its proxies' images are pinned to the operator's own version (failure 8).</summary>
public sealed class OperatorImagesPinnedRule : ISafetyRule
{
    public string Id => "TZ050";

    public string Title => "Operator and proxy images are pinned to the operator chart's version, never unstable or latest";

    public string Fix => "Pin tazlab:operatorChartVersion to a release; the operator and proxy images take the same version.";

    public RuleResult Evaluate(PlanContext context)
    {
        var rendering = context.Rendering.Get<OperatorRendering>();
        var expected = "v" + context.Config.Operator.ChartVersion.TrimStart('v');
        (string Reference, string Tag)[] images =
        [
            (rendering.Values.OperatorConfig.Image.Reference, rendering.Values.OperatorConfig.Image.Tag),
            (rendering.Values.ProxyConfig.Image.Reference, rendering.Values.ProxyConfig.Image.Tag),
        ];
        var messages = images
            .Where(image => !NameRules.IsPinnedImage(image.Reference) || image.Tag != expected)
            .Select(image => $"{image.Reference} is not pinned to the operator's version {expected}")
            .ToList();
        return RuleResult.FailIfAny(this, messages);
    }
}
