namespace Tazlab.Stacks.Reading;

/// <summary>A top-level key the reader asked for, and the shape it wanted: together, the keys the program reads.</summary>
public sealed record KeyRead(string Key, ValueKind Kind, bool Required);
