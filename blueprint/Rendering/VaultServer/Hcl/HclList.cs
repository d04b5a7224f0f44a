namespace Tazlab.Blueprint.Rendering.VaultServer.Hcl;

/// <summary><c>[a, b]</c>. Equality compares items, so two lists with the same items are equal.</summary>
public sealed record HclList(IReadOnlyList<HclValue> Items) : HclValue
{
    public bool Equals(HclList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item));

    /// <summary>The items as strings; throws when an item is not a string.</summary>
    public IReadOnlyList<string> Strings() => Items.Select(i => i is HclString s ? s.Value : throw new FormatException($"expected a list of strings, found {i}")).ToList();
}
