namespace Tazlab.Fuzzing;

/// <summary>One change to a file's bytes, named so a failing case can be read and replayed.</summary>
public sealed record Mutation(string Name, int Offset, string Detail)
{
    public override string ToString() => $"{Name}@{Offset}({Detail})";
}
