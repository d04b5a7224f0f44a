using Tazlab.Stacks.Model;

namespace Tazlab.Blueprint.Lifecycle;

/// <summary>One node as a plan records it: what an upgrade wave or a removal needs to know of it.</summary>
public sealed record NodeFact(string Name, NodeRole Role, string Ip);
