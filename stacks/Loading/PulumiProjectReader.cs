using Tazlab.Stacks.Validation;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Stacks.Loading;

/// <summary>Reads <c>Pulumi.yaml</c>: the project name and its declared configuration keys with their defaults.</summary>
public static class PulumiProjectReader
{
    public const string FileName = "Pulumi.yaml";

    public static PulumiProject? Read(string projectDirectory, DiagnosticBag diagnostics)
    {
        var root = YamlDocumentReader.Read(Path.Combine(projectDirectory, FileName), FileName, diagnostics);
        return root is null ? null : Read(root, diagnostics);
    }

    internal static PulumiProject? Read(YamlMappingNode root, DiagnosticBag diagnostics)
    {
        var name = Scalar(root, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Error($"{FileName}:name", "missing", "the project name");
            return null;
        }

        var declarations = new Dictionary<string, ConfigDeclaration>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) && configNode is YamlMappingNode config)
        {
            foreach (var (keyNode, valueNode) in config.Children)
            {
                var written = YamlConfigConverter.KeyText(keyNode);
                var key = Qualify(name, written);
                var inProject = key.StartsWith(name + ":", StringComparison.Ordinal);
                declarations[key] = valueNode is YamlMappingNode declaration
                    ? new ConfigDeclaration(
                        key,
                        Scalar(declaration, "type"),
                        declaration.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlMappingNode i
                            ? Scalar(i, "type")
                            : null,
                        Scalar(declaration, "description"),
                        declaration.Children.TryGetValue(new YamlScalarNode("default"), out var d) ? YamlConfigConverter.Convert(d) : null,
                        Scalar(declaration, "secret") is "true",
                        declaration.Children.TryGetValue(new YamlScalarNode("value"), out var v) ? YamlConfigConverter.Convert(v) : null,
                        written)
                    // Pulumi's shorthand: a bare value is the default of a project key and the value of any other key.
                    : new ConfigDeclaration(key, null, null, null, inProject ? YamlConfigConverter.Convert(valueNode) : null, false, inProject ? null : YamlConfigConverter.Convert(valueNode), written);
            }
        }

        return new PulumiProject(name, Scalar(root, "main"), declarations);
    }

    /// <summary>The nearest folder, from <paramref name="start"/> upwards, that holds Pulumi.yaml; null when none does.</summary>
    public static string? FindProjectDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, FileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A bare key in <c>Pulumi.yaml</c> belongs to the project's namespace.</summary>
    public static string Qualify(string projectName, string key) => key.Contains(':', StringComparison.Ordinal) ? key : $"{projectName}:{key}";

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
