using Tazlab.Stacks.Loading;

namespace Tazlab.Stacks.Validation.PulumiCli;

/// <summary>
/// What the Pulumi CLI refuses in <c>Pulumi.yaml</c>'s <c>config:</c> before any stack is read: the checks of
/// pulumi/pulumi <c>sdk/go/common/workspace/project.go</c> (<c>Project.Validate</c>), each reported under the
/// declared key with the CLI's own words.
/// </summary>
public static class PulumiProjectRules
{
    public static void Check(PulumiProject project, DiagnosticBag diagnostics)
    {
        foreach (var declaration in project.Config.Values.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var key = $"{PulumiProjectReader.FileName}:config.{declaration.WrittenAs ?? declaration.Key}";
            var written = declaration.WrittenAs ?? declaration.Key;
            if (declaration.Default is not null && declaration.Value is not null)
            {
                diagnostics.Error(key, $"has both a default and a value, which Pulumi refuses (\"project config '{written}' cannot have both a 'default' and 'value' attribute\")", "one of the two");
                continue;
            }

            if (!declaration.Key.StartsWith(project.Name + ":", StringComparison.Ordinal))
            {
                if (declaration.Type is not null)
                {
                    diagnostics.Error(key, $"declares a type for a key outside the project's namespace (\"Configuration key '{written}' is not namespaced by the project and should not define a type\")", "only a value: for another namespace (a provider's) Pulumi.yaml sets a value");
                }
                else if (declaration.Default is not null)
                {
                    diagnostics.Error(key, $"declares a default for a key outside the project's namespace (\"Configuration key '{written}' is not namespaced by the project and should not define a default value\")", "value: instead of default:");
                }
                else if (declaration.Value is null)
                {
                    diagnostics.Error(key, $"has no value (\"Configuration key '{written}' is namespaced and must provide an attribute 'value'\")", "a value: attribute");
                }

                continue;
            }

            if (declaration.Type is "array" && declaration.ItemsType is null)
            {
                diagnostics.Error(key, $"declares an array without the type of its items (\"The configuration key '{written}' declares an array but does not specify the underlying type via the 'items' attribute\")", "items: {type: string} (or integer, boolean)");
                continue;
            }

            if (declaration.Secret && declaration.Type is not null && declaration.Applied is not null)
            {
                // The CLI writes the default in plain text and then refuses it for not being encrypted (pkg/workspace/config.go).
                diagnostics.Error(key, $"declares a secret with a default, which every stack that does not set it gets in plain text and the CLI then refuses (\"Stack '<stack>' with configuration key '{written}' must be encrypted as it's secret\")", "no default for a secret (list it as a secret instead of declaring it)");
                continue;
            }

            if (declaration.Type is { } type && declaration.Default is { } defaultValue && !PulumiConfigTypes.Matches(type, declaration.ItemsType, defaultValue))
            {
                diagnostics.Error(key, $"has a default that is not of its type (\"The default value specified for configuration key '{written}' is not of the expected type '{PulumiConfigTypes.FullName(type, declaration.ItemsType)}'\")", $"a default of type {PulumiConfigTypes.FullName(type, declaration.ItemsType)}");
            }
        }
    }
}
