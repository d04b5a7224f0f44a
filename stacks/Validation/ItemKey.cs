namespace Tazlab.Stacks.Validation;

/// <summary>
/// The key of a field of a list item, e.g. <c>tazlab:accessIntents[2].from[0]</c>, carried as its parts: a valid
/// estate checks thousands of them and reports none, so the text is only spelled out for a report.
/// </summary>
internal readonly record struct ItemKey(string List, int Index, string Field, int? Element = null)
{
    public override string ToString() => Element is { } element ? $"{List}[{Index}].{Field}[{element}]" : $"{List}[{Index}].{Field}";
}
