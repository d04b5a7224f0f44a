namespace Tazlab.Fuzzing;

/// <summary>One mutated stack file: which stack's file, the mutations in order, and the bytes that resulted.</summary>
public sealed record FuzzCase(int Index, string Stack, IReadOnlyList<Mutation> Mutations, byte[] Bytes)
{
    public override string ToString() => $"case {Index} ({Stack}: {string.Join(", ", Mutations)})";
}
