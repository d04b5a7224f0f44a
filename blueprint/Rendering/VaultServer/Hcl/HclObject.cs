namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary>An HCL object literal, <c>{ "key" = value … }</c>, with its keys in order (Vault's <c>allowed_parameters</c>).</summary>
public sealed record HclObject(IReadOnlyList<KeyValuePair<string, HclValue>> Entries) : HclValue
{
    public bool Equals(HclObject? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Count;
}
