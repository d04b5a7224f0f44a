using System.Text.RegularExpressions;

namespace Tazlab.Cli.Diff;

/// <summary>
/// Hides secret values in a file's lines before they are shown in a diff. Offline renderings already carry
/// <c>&lt;redacted:name&gt;</c> placeholders, but a folder rendered elsewhere (or by hand) may hold real values, and a
/// diff posted on a pull request must never show one. The key stays and only the value is masked, so a reviewer
/// still sees which secret changed. Lines are masked one for one: the result has as many lines as the input, so
/// the diff computed on the real lines lines up with the masked ones.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "<redacted>";

    public static string[] Redact(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = lines.ToArray();
        RedactSecretManifests(result);
        RedactPrivateKeyBlocks(result);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = RedactInline(result[i]);
        }

        return result;
    }

    /// <summary>Values shaped like secrets anywhere in a line: inline PEM private keys, KEY=value assignments, auth-key flags, known token formats.</summary>
    public static string RedactInline(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        line = InlinePrivateKey().Replace(line, m => m.Groups["begin"].Value + Mask + m.Groups["end"].Value);
        line = SecretAssignment().Replace(line, m => m.Groups["name"].Value + Mask);
        line = AuthKeyFlag().Replace(line, m => m.Groups["flag"].Value + Mask);
        return TokenShaped().Replace(line, m => m.Groups["prefix"].Value + Mask);
    }

    /// <summary>The data and stringData values of every Kubernetes Secret (YAML documents separated by '---').</summary>
    private static void RedactSecretManifests(string[] lines)
    {
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || DocumentSeparator().IsMatch(lines[i]))
            {
                if (lines.Skip(start).Take(i - start).Any(l => SecretKind().IsMatch(l)))
                {
                    RedactDataSections(lines, start, i);
                }

                start = i + 1;
            }
        }
    }

    private static void RedactDataSections(string[] lines, int start, int end)
    {
        var sectionIndent = -1;
        var keyIndent = -1;
        var blockIndent = -1;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (sectionIndent >= 0 && indent <= sectionIndent)
            {
                sectionIndent = keyIndent = blockIndent = -1;
            }

            if (sectionIndent < 0)
            {
                var section = DataSection().Match(line);
                if (section.Success)
                {
                    sectionIndent = section.Groups["indent"].Length;
                }

                continue;
            }

            // Inside a block scalar (key: |): every deeper line is part of the value.
            if (blockIndent >= 0 && indent > blockIndent)
            {
                lines[i] = line[..indent] + Mask;
                continue;
            }

            blockIndent = -1;
            keyIndent = keyIndent < 0 ? indent : keyIndent;
            var entry = DataEntry().Match(line);
            if (indent != keyIndent || !entry.Success)
            {
                lines[i] = line[..indent] + Mask;
                continue;
            }

            var value = entry.Groups["value"].Value;
            if (BlockScalar().IsMatch(value))
            {
                blockIndent = indent;
            }
            else if (value.Length > 0 && !IsPlaceholder(value))
            {
                lines[i] = entry.Groups["key"].Value + Mask;
            }
        }
    }

    /// <summary>The body of every multi-line PEM private key; the BEGIN and END lines stay so the reader sees what it was.</summary>
    private static void RedactPrivateKeyBlocks(string[] lines)
    {
        var inside = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (inside)
            {
                if (PrivateKeyEnd().IsMatch(line))
                {
                    inside = false;
                }
                else
                {
                    lines[i] = line[..(line.Length - line.TrimStart().Length)] + Mask;
                }
            }
            else if (PrivateKeyBegin().IsMatch(line) && !PrivateKeyEnd().IsMatch(line))
            {
                inside = true;
            }
        }
    }

    private static bool IsPlaceholder(string value)
    {
        var unquoted = value.Trim('"', '\'');
        return unquoted.StartsWith("<redacted", StringComparison.Ordinal) || unquoted.StartsWith("<apply-time", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^---(\s|$)")]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^\s*(-\s+)?kind:\s*[""']?Secret[""']?\s*(#.*)?$")]
    private static partial Regex SecretKind();

    [GeneratedRegex(@"^(?<indent>\s*)(data|stringData):\s*(#.*)?$")]
    private static partial Regex DataSection();

    [GeneratedRegex(@"^(?<key>\s*[^\s:#][^:]*:\s*)(?<value>.*?)\s*$")]
    private static partial Regex DataEntry();

    [GeneratedRegex(@"^[|>][-+0-9]*$")]
    private static partial Regex BlockScalar();

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKeyBegin();

    [GeneratedRegex(@"-----END [A-Z0-9 ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKeyEnd();

    [GeneratedRegex(@"(?<begin>-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----).*?(?<end>-----END [A-Z0-9 ]*PRIVATE KEY-----)")]
    private static partial Regex InlinePrivateKey();

    /// <summary>NAME=value where the name ends like a credential (TS_AUTHKEY, VAULT_TOKEN, CLIENT_SECRET…), unless already a placeholder.</summary>
    [GeneratedRegex(@"(?<name>\b[A-Za-z0-9_]*(AUTHKEY|AUTH_KEY|TOKEN|SECRET|PASSWORD|PASSPHRASE|API_KEY|APIKEY|PRIVATE_KEY)=)(?!<redacted|<apply-time)[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"(?<flag>--auth-?key(=|\s+))(?!<redacted|<apply-time)[^\s""',;]+")]
    private static partial Regex AuthKeyFlag();

    /// <summary>Tailscale keys, Vault service/batch/recovery tokens and GitHub tokens: the prefix stays, it says what kind of secret it was.</summary>
    [GeneratedRegex(@"\b(?<prefix>tskey-|hv[sbr]\.|gh[pousr]_|github_pat_)[A-Za-z0-9_-]{8,}")]
    private static partial Regex TokenShaped();
}
