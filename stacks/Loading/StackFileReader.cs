using System.Text.RegularExpressions;
using Tazlab.Stacks.Configuration;
using Tazlab.Stacks.Validation;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Stacks.Loading;

/// <summary>
/// Reads <c>Pulumi.&lt;stack&gt;.yaml</c> and lays its values over the defaults declared in <c>Pulumi.yaml</c>,
/// giving the same <see cref="StackConfigSource"/> the Pulumi engine would hand the program.
/// </summary>
public static partial class StackFileReader
{
    private static readonly HashSet<string> KnownTopLevelKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment",
    };

    public static string FileName(string stackName) => $"Pulumi.{stackName}.yaml";

    /// <summary>Stack names are what Pulumi accepts in a file name: letters, digits, '-', '_' and '.'.</summary>
    public static bool IsValidStackName(string name) => StackNamePattern().IsMatch(name);

    /// <summary>The stacks that have a file in the project folder, sorted.</summary>
    public static IReadOnlyList<string> ListStacks(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "Pulumi.*.yaml")
            .Select(Path.GetFileName)
            .Select(f => f![7..^5])
            .Where(IsValidStackName)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static StackConfigSource? Read(string projectDirectory, string stackName, PulumiProject project, DiagnosticBag diagnostics) =>
        ReadFile(projectDirectory, stackName, project, diagnostics) is { } file ? WithDefaults(file, project) : null;

    /// <summary>The stack file's own values; <see cref="WithDefaults"/> gives what the engine hands the program.</summary>
    public static StackFile? ReadFile(string projectDirectory, string stackName, PulumiProject project, DiagnosticBag diagnostics)
    {
        if (!IsValidStackName(stackName))
        {
            diagnostics.Error("--stack", $"'{stackName}' is not a stack name", "letters, digits, '-', '_' or '.'");
            return null;
        }

        var fileName = FileName(stackName);
        var path = Path.Combine(projectDirectory, fileName);
        if (!File.Exists(path))
        {
            var known = ListStacks(projectDirectory);
            diagnostics.Error(
                "--stack",
                $"no stack file {fileName}",
                known.Count == 0 ? "a Pulumi.<stack>.yaml beside Pulumi.yaml" : $"one of: {string.Join(", ", known)}");
            return null;
        }

        var root = YamlDocumentReader.Read(path, fileName, diagnostics);
        return root is null ? null : Read(root, fileName, stackName, project, diagnostics);
    }

    /// <summary>The stack file's values laid over Pulumi.yaml's defaults (and values), as the Pulumi CLI merges them.</summary>
    public static StackConfigSource WithDefaults(StackFile file, PulumiProject project)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var declaration in project.Config.Values)
        {
            if (declaration.Applied is { } applied)
            {
                values[declaration.Key] = applied;
            }
        }

        foreach (var (key, value) in file.Values)
        {
            values[key] = value;
        }

        return new StackConfigSource(project.Name, file.StackName, values);
    }

    internal static StackFile Read(YamlMappingNode root, string fileName, string stackName, PulumiProject project, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var environments = root.Children.ContainsKey(new YamlScalarNode("environment"));

        foreach (var (keyNode, _) in root.Children)
        {
            var key = YamlConfigConverter.KeyText(keyNode);
            if (!KnownTopLevelKeys.Contains(key))
            {
                diagnostics.Error($"{fileName}:{key}", "unknown top-level key" + Suggestions.DidYouMean(key, KnownTopLevelKeys), "config, secretsprovider, encryptedkey, encryptionsalt or environment");
            }
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config)
        {
            if (configNode is not null and not YamlMappingNode && !(configNode is YamlScalarNode { Value: "" or null }))
            {
                diagnostics.Error($"{fileName}:config", "is not a mapping", "a mapping of namespace:key to value");
            }

            return new StackFile(stackName, fileName, values, environments);
        }

        var namespaces = ProviderNamespaces.All.Append(project.Name).ToList();
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = YamlConfigConverter.KeyText(keyNode);
            if (string.IsNullOrWhiteSpace(key))
            {
                // `? ` with nothing after it: no key to name, so the place in the file names the problem.
                diagnostics.Error($"{fileName}:{keyNode.Start.Line}:{keyNode.Start.Column}", $"a key under config is empty ('{ConfigScalar.Printable(key)}')", $"{project.Name}:<key> (stack files name every key as namespace:key)");
                continue;
            }

            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                diagnostics.Error(key, "has no namespace", $"{project.Name}:{key} (stack files name every key as namespace:key)");
                continue;
            }

            var ns = key[..colon];
            if (ns != project.Name && !ProviderNamespaces.All.Contains(ns))
            {
                diagnostics.Error(key, $"unknown namespace '{ns}'" + Suggestions.DidYouMean(ns, namespaces), $"one of: {string.Join(", ", namespaces.Order(StringComparer.Ordinal))}");
                continue;
            }

            var value = YamlConfigConverter.Convert(valueNode);
            if (ProviderNamespaces.SecretKeys.Contains(key) && value is not ConfigSecret)
            {
                diagnostics.Error(key, "holds a credential in plain text", $"a secret: pulumi config set --secret {key} <value>");
                continue;
            }

            // A mistyped credential key is still a credential in plain text, and the provider would not read it.
            if (ns != project.Name && value is not ConfigSecret && Suggestions.Within(key, ProviderNamespaces.SecretKeys.Where(k => k.StartsWith(ns + ":", StringComparison.Ordinal)), maxEdits: 2) is { } meant)
            {
                diagnostics.Error(key, $"is not a key the {ns} provider reads (did you mean '{meant}'?), and it holds a value in plain text", $"{meant}, set as a secret: pulumi config set --secret {meant} <value>");
                continue;
            }

            // secure: with nothing after it is no secret at all: the provider or program would get an empty value.
            if (value is ConfigSecret { Ciphertext: var ciphertext } && string.IsNullOrWhiteSpace(ciphertext))
            {
                diagnostics.Error(key, "is secure: with no ciphertext, so it is not set", $"a value set with pulumi config set --secret {key} <value>");
                continue;
            }

            values[key] = value;
        }

        return new StackFile(stackName, fileName, values, environments);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex StackNamePattern();
}
