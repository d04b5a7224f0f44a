namespace Tazlab.Blueprint.Rendering;

/// <summary>One rendered platform file: its path under <c>out/&lt;stack&gt;/</c> (forward slashes) and its text.</summary>
public sealed record RenderedFile(string Path, string Content);
