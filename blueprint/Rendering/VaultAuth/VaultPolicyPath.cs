namespace Tazlab.Blueprint.Rendering.VaultAuth;

/// <summary>
/// One <c>path "…" { capabilities = […] }</c> rule of a Vault policy, with the parameters a request may carry when
/// <see cref="AllowedParameters"/> is set (Vault 1.21 and later match list values element by element, and an empty
/// list admits any value; a parameter not named is refused).
/// </summary>
public sealed record VaultPolicyPath(string Path, IReadOnlyList<string> Capabilities, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>>? AllowedParameters = null)
{
    public bool Equals(VaultPolicyPath? other) =>
        other is not null && Path == other.Path && Capabilities.SequenceEqual(other.Capabilities)
        && (AllowedParameters ?? []).Select(p => (p.Key, string.Join('\n', p.Value))).SequenceEqual((other.AllowedParameters ?? []).Select(p => (p.Key, string.Join('\n', p.Value))));

    public override int GetHashCode() => HashCode.Combine(Path, Capabilities.Count);
}
