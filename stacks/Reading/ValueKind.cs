namespace Tazlab.Stacks.Reading;

/// <summary>The shape the program expects a configuration key to have.</summary>
public enum ValueKind
{
    String,
    Integer,
    Boolean,
    StringList,
    Secret,
    Mapping,
    MappingList,
}
