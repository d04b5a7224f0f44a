using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tazlab.Blueprint.GitOps;

/// <summary>
/// Checks every kustomization in a GitOps folder tree: each YAML file beside a kustomization is referenced by
/// it (a file missing from <c>resources:</c> is never applied — DOMAIN failure 7), and each local path it
/// references exists. Files a folder deliberately keeps unapplied are listed, one per line, in
/// <c>.gitops-lint-ignore</c> beside the kustomization.
/// </summary>
public static class KustomizationLinter
{
    public const string IgnoreFile = ".gitops-lint-ignore";

    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>Keys whose entries are paths (strings, or mappings with a <c>path</c>).</summary>
    private static readonly string[] PathListKeys =
    [
        "resources", "components", "crds", "generators", "transformers", "validators", "patchesStrategicMerge", "patches", "patchesJson6902", "replacements",
    ];

    public static IReadOnlyList<string> Lint(string root)
    {
        var findings = new List<string>();
        foreach (var kustomization in FindKustomizations(root))
        {
            var folder = Path.GetDirectoryName(kustomization)!;
            var shown = Path.GetRelativePath(root, kustomization).Replace('\\', '/');
            var references = ReadReferences(kustomization, shown, findings);
            if (references is null)
            {
                continue;
            }

            foreach (var reference in references.Where(IsLocal).Order(StringComparer.Ordinal))
            {
                var target = Path.GetFullPath(Path.Combine(folder, reference));
                if (Directory.Exists(target))
                {
                    if (!KustomizationNames.Any(n => File.Exists(Path.Combine(target, n))))
                    {
                        findings.Add($"{shown}: {reference} is a folder without a kustomization; expected a folder with a kustomization.yaml, or a file");
                    }
                }
                else if (!File.Exists(target))
                {
                    findings.Add($"{shown}: {reference} is listed but does not exist; expected an existing file or folder");
                }
            }

            var listed = references.Select(r => Path.GetFullPath(Path.Combine(folder, r))).ToHashSet(StringComparer.Ordinal);
            var ignored = ReadIgnoreList(folder);
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (KustomizationNames.Contains(name) || ignored.Contains(name) || !(name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (!listed.Contains(Path.GetFullPath(file)))
                {
                    findings.Add($"{shown}: {name} is beside the kustomization but not referenced, so it is never applied; expected it under resources: (or in {IgnoreFile})");
                }
            }
        }

        return findings;
    }

    private static IEnumerable<string> FindKustomizations(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(f => KustomizationNames.Contains(Path.GetFileName(f)))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);

    /// <summary>Every path the kustomization references, or null (with a finding) when it cannot be read.</summary>
    private static List<string>? ReadReferences(string path, string shown, List<string> findings)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            findings.Add($"{shown}: line {ex.Start.Line}: invalid YAML; expected a kustomization");
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            findings.Add($"{shown}: not a YAML mapping; expected a kustomization");
            return null;
        }

        var references = new List<string>();
        foreach (var key in PathListKeys)
        {
            if (root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode list)
            {
                references.AddRange(list.Children.Select(PathOf).OfType<string>());
            }
        }

        // Generators name files as "path" or "key=path".
        foreach (var key in new[] { "configMapGenerator", "secretGenerator" })
        {
            if (root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode generators)
            {
                foreach (var generator in generators.Children.OfType<YamlMappingNode>())
                {
                    foreach (var listKey in new[] { "files", "envs" })
                    {
                        if (generator.Children.TryGetValue(new YamlScalarNode(listKey), out var files) && files is YamlSequenceNode entries)
                        {
                            references.AddRange(entries.Children.OfType<YamlScalarNode>().Select(e => e.Value!.Split('=')[^1]));
                        }
                    }
                }
            }
        }

        return references;
    }

    private static string? PathOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode mapping when mapping.Children.TryGetValue(new YamlScalarNode("path"), out var p) && p is YamlScalarNode s => s.Value,
        _ => null,
    };

    /// <summary>Remote bases (URLs, git references) are not checked offline.</summary>
    private static bool IsLocal(string reference) =>
        !reference.Contains("://", StringComparison.Ordinal) && !reference.Contains("?ref=", StringComparison.Ordinal) && !reference.StartsWith("github.com/", StringComparison.Ordinal);

    private static HashSet<string> ReadIgnoreList(string folder)
    {
        var path = Path.Combine(folder, IgnoreFile);
        return File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : [];
    }
}
