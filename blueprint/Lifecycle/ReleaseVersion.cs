using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tazlab.Blueprint.Lifecycle;

/// <summary>A Talos or Kubernetes release, vMAJOR.MINOR.PATCH with an optional pre-release; compared by its numbers.</summary>
public readonly record struct ReleaseVersion(int Major, int Minor, int Patch, string Text) : IComparable<ReleaseVersion>
{
    /// <summary>v1.12 for v1.12.3.</summary>
    public string MinorText => $"v{Major}.{Minor}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReleaseVersion? version)
    {
        version = null;
        if (text is null)
        {
            return false;
        }

        var core = text.TrimStart('v').Split('-', '+')[0].Split('.');
        if (core.Length != 3 || !int.TryParse(core[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(core[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(core[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        version = new ReleaseVersion(major, minor, patch, text);
        return true;
    }

    /// <summary>How many minor releases lie between this and <paramref name="later"/> (negative when it is older).</summary>
    public int MinorsTo(ReleaseVersion later) => later.Major != Major ? (later.Major - Major) * 1000 : later.Minor - Minor;

    public int CompareTo(ReleaseVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch != other.Patch ? Patch.CompareTo(other.Patch)
        // A pre-release comes before its release.
        : IsPreRelease == other.IsPreRelease ? string.CompareOrdinal(Text, other.Text) : IsPreRelease ? -1 : 1;

    private bool IsPreRelease => Text.Contains('-', StringComparison.Ordinal);

    public static bool operator <(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Text;
}
