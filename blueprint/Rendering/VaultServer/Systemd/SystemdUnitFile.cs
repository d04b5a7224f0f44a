using System.Text;

namespace Tazlab.Blueprint.Rendering.VaultServer.Systemd;

/// <summary>A systemd unit file or drop-in, written section by section.</summary>
/// <param name="Header">Comment lines at the top of the file.</param>
public sealed record SystemdUnitFile(IReadOnlyList<string> Header, IReadOnlyList<SystemdSection> Sections)
{
    public string Write()
    {
        var text = new StringBuilder();
        foreach (var line in Header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        foreach (var section in Sections)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append('[').Append(section.Name).Append("]\n");
            foreach (var directive in section.Directives)
            {
                if (directive.Value.Contains('\n', StringComparison.Ordinal) || directive.Key.Contains('=', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"'{directive.Key}' is not a single-line directive");
                }

                if (directive.Comment is not null)
                {
                    text.Append("# ").Append(directive.Comment).Append('\n');
                }

                text.Append(directive.Key).Append('=').Append(directive.Value).Append('\n');
            }
        }

        return text.ToString();
    }
}
