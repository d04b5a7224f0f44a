using Tazlab.Stacks.Loading;
using Tazlab.TestSupport;

namespace Tazlab.Stacks.Tests;

/// <summary>One change to a copy of the committed stacks, then a load: what a user would see.</summary>
public sealed record StackScenario(string Name, string Stack, Action<TempProject> Change)
{
    public StackLoadResult Load()
    {
        using var project = TempProject.FromRepo();
        Change(project);
        return StackLoader.Load(project.Directory, Stack);
    }

    public IReadOnlyList<string> Lines() => Load().Diagnostics.Select(d => d.ToString()).ToList();

    public override string ToString() => Name;
}
