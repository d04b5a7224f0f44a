namespace Tazlab.Blueprint.Rendering;

/// <summary>Every area's rendering for one stack.</summary>
public sealed class PlatformRendering
{
    public PlatformRendering(IReadOnlyList<IAreaRendering> areas)
    {
        Areas = areas;
        Files = areas.SelectMany(a => a.Files).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var duplicate = Files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two areas render {duplicate.Key}.");
        }
    }

    public IReadOnlyList<IAreaRendering> Areas { get; }

    /// <summary>All files, sorted by path.</summary>
    public IReadOnlyList<RenderedFile> Files { get; }

    /// <summary>The rendering of one area, by type.</summary>
    public T Get<T>()
        where T : IAreaRendering => Areas.OfType<T>().Single();
}
