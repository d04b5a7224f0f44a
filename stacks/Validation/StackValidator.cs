using Tazlab.Stacks.Model;
using Tazlab.Stacks.Validation.Rules;

namespace Tazlab.Stacks.Validation;

/// <summary>
/// The semantic rules of one stack's configuration, area by area (<c>Validation/Rules</c>, one class per part of
/// the configuration as <c>Model</c> has them). Each problem names its key and what would be valid.
/// </summary>
public static class StackValidator
{
    public static void Validate(StackConfig config, DiagnosticBag diagnostics)
    {
        // The order is the order problems are reported in: the file's own order, roughly.
        AreaRules[] areas =
        [
            new OwnershipRules(config, diagnostics),
            new TailnetRules(config, diagnostics),
            new VaultServerRules(config, diagnostics),
            new TalosClusterRules(config, diagnostics),
            new NetworkRules(config, diagnostics),
            new CoreDnsRules(config, diagnostics),
            new OperatorRules(config, diagnostics),
            new VaultAuthRules(config, diagnostics),
            new ExternalSecretsRules(config, diagnostics),
            new BootstrapSecretsRules(config, diagnostics),
            new BackupRules(config, diagnostics),
        ];
        foreach (var area in areas)
        {
            area.Check();
        }
    }
}
