using Tazlab.Stacks.Model;

namespace Tazlab.Stacks.Validation.Rules;

/// <summary>The secrets the platform seeds at bootstrap: the Flux Git user name.</summary>
internal sealed class BootstrapSecretsRules(StackConfig config, DiagnosticBag bag) : AreaRules(config, bag)
{
    public override void Check()
    {
        var username = Config.BootstrapSecrets.FluxGitUsername;
        if (username.Length == 0 || username.Length > 100 || username.Any(char.IsWhiteSpace))
        {
            Bag.Error(Key("fluxGitUsername"), $"'{Show(username)}' is not a Git user name", "1-100 characters with no spaces, e.g. git or x-access-token");
        }
    }
}
