using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Loading;

namespace Tazlab.Stacks.Validation.PulumiCli;

/// <summary>
/// What the Pulumi CLI refuses in a stack before the program runs (pulumi/pulumi <c>pkg/workspace/config.go</c>,
/// <c>mergeConfig</c> and <c>validateStackConfigValue</c>): a key of the project declared in <c>Pulumi.yaml</c> with
/// neither default nor value that the stack does not set, a value that is not of its declared type, and a declared
/// secret stored in plain text. <c>plan</c> reports each under its key, so a stack it accepts also previews.
/// </summary>
public static class PulumiStackRules
{
    public static void Check(PulumiProject project, StackFile stack, DiagnosticBag diagnostics)
    {
        var missing = new List<ConfigDeclaration>();
        foreach (var declaration in project.Config.Values.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var written = declaration.WrittenAs ?? declaration.Key;
            if (!stack.Values.TryGetValue(declaration.Key, out var value))
            {
                if (declaration.Applied is null && declaration.Key.StartsWith(project.Name + ":", StringComparison.Ordinal))
                {
                    missing.Add(declaration);
                }

                continue;
            }

            if (declaration.Type is not { } type)
            {
                continue;
            }

            var cliKey = $"Stack '{stack.StackName}' with configuration key '{written}'";
            if (declaration.Secret && value is not ConfigSecret)
            {
                diagnostics.Error(declaration.Key, $"is declared secret in Pulumi.yaml but stored in plain text, which pulumi preview refuses (\"{cliKey} must be encrypted as it's secret\")", $"a secret: pulumi config set --secret {declaration.Key} <value>");
            }
            else if (!PulumiConfigTypes.Matches(type, declaration.ItemsType, value))
            {
                var full = PulumiConfigTypes.FullName(type, declaration.ItemsType);
                diagnostics.Error(declaration.Key, $"is {Describe(value)}, not of its declared type, which pulumi preview refuses (\"{cliKey} must be of type '{full}'\")", Expected(type, declaration.ItemsType));
            }
        }

        foreach (var declaration in missing)
        {
            var problem = $"not set, and Pulumi.yaml declares it without a default: pulumi preview refuses the stack (\"Stack '{stack.StackName}' is missing configuration value '{declaration.WrittenAs ?? declaration.Key}'\")";
            var expected = $"a value in {stack.FileName} (or, for a key some stacks leave unset, a default in Pulumi.yaml)";
            if (stack.ImportsEnvironments)
            {
                // An imported ESC environment may set it: that cannot be seen offline.
                diagnostics.Warning(declaration.Key, problem + " unless an environment the stack imports sets it", expected);
            }
            else
            {
                diagnostics.Error(declaration.Key, problem, expected);
            }
        }
    }

    private static string Describe(ConfigValue value) => value switch
    {
        ConfigScalar scalar when !scalar.Quoted => YamlScalarResolver.Resolve(scalar) switch
        {
            YamlScalarKind.Integer => $"the number {scalar.Describe()}",
            YamlScalarKind.Float => $"the number {scalar.Describe()}",
            YamlScalarKind.Boolean => $"the boolean {scalar.Describe()}",
            _ => scalar.Describe(),
        },
        ConfigSequence sequence when sequence.Items.OfType<ConfigScalar>().FirstOrDefault(i => YamlScalarResolver.Resolve(i) != YamlScalarKind.String) is { } item =>
            $"a list holding {Describe(item)}",
        _ => value.Describe(),
    };

    private static string Expected(string type, string? itemsType) => (type, itemsType) switch
    {
        ("integer", _) => "an integer, e.g. 8200",
        ("boolean", _) => "true or false",
        ("array", "string") => "a list of strings; quote an item YAML would read as a number or boolean, e.g. [\"8200\"]",
        ("array", { } items) => $"a list of {items} values",
        _ => $"a value of type {PulumiConfigTypes.FullName(type, itemsType)}",
    };
}
