namespace Tazlab.Blueprint.Rendering;

/// <summary>
/// The offline supplier: every apply-time value is a recognisable placeholder, secrets marked redacted.
/// A rendered file offline therefore never holds a secret, and its shape is exactly the applied one.
/// </summary>
public sealed class PlaceholderValues : IApplyTimeValues
{
    public static readonly PlaceholderValues Instance = new();

    private static readonly HashSet<ApplyTimeValue> Public =
    [
        ApplyTimeValue.VaultCaCertificate,
        ApplyTimeValue.ServiceAccountPublicKey,
        ApplyTimeValue.KubernetesCaCertificate,
        ApplyTimeValue.TalosInstallerImage,
    ];

    // Spelled out once: every node file asks for its auth key's placeholder.
    private static readonly Dictionary<ApplyTimeValue, string> Placeholders = Enum.GetValues<ApplyTimeValue>()
        .ToDictionary(value => value, value => IsSecret(value) ? $"<redacted:{Name(value)}>" : $"<apply-time:{Name(value)}>");

    public string this[ApplyTimeValue value] => Placeholders[value];

    /// <summary>Every node's value has the same placeholder: the plan shows the shape, and no node's secret.</summary>
    public string this[ApplyTimeValue value, string node] => Placeholders[value];

    public static bool IsSecret(ApplyTimeValue value) => !Public.Contains(value);

    /// <summary>kebab-case name, e.g. <c>vault-auth-key</c>, <c>operator-oauth-client-id</c>.</summary>
    public static string Name(ApplyTimeValue value)
    {
        var text = value.ToString();
        return string.Concat(text.Select((c, i) =>
            char.IsUpper(c) && i > 0 && !char.IsUpper(text[i - 1]) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
