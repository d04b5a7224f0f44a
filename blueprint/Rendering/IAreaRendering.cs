using System.Text.Json;

namespace Tazlab.Blueprint.Rendering;

/// <summary>
/// What one area of the platform renders: typed models the safety rules inspect, and the files written
/// under <c>out/&lt;stack&gt;/</c>. An area a stack does not own renders no files.
/// </summary>
public interface IAreaRendering
{
    /// <summary>Short name used as the area's key in plan.json, e.g. <c>coredns</c>.</summary>
    string Area { get; }

    IReadOnlyList<RenderedFile> Files { get; }

    /// <summary>Facts about the rendering that belong in plan.json (e.g. SANs, field classes); written as one JSON object.</summary>
    void WritePlanFacts(Utf8JsonWriter json);
}
