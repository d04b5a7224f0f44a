using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>Which parts this stack owns and which it reads from the stack it references.</summary>
internal sealed class OwnershipRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var o = Config.Ownership;
        if (o.ReferencesAnything && o.ReferenceStack is null)
        {
            Bag.Error(Key("referenceStack"), "is missing, but this stack references another stack's parts", "the owning stack as organization/project/stack, e.g. organization/tazlab/prod");
        }
        else if (o.ReferenceStack is { } reference && reference.Split('/') is not [{ Length: > 0 }, { Length: > 0 }, { Length: > 0 }])
        {
            Bag.Error(Key("referenceStack"), $"'{reference}' is not a fully qualified stack name", "organization/project/stack, e.g. organization/tazlab/prod");
        }
        else if (!o.ReferencesAnything && o.ReferenceStack is not null)
        {
            Bag.Warning(Key("referenceStack"), "is set, but this stack owns everything and reads nothing from it", "no value, or tailnetPolicy/vaultServer set to reference");
        }

        if (o.ReferenceStackName is { } name && name == Config.StackName)
        {
            Bag.Error(Key("referenceStack"), "names this stack itself", "the stack that owns the tailnet policy");
        }
    }
}
