namespace Tazlab.Blueprint.Rendering.Talos;

/// <summary>Collects the fields the renderer sets, in the order it sets them; a path recorded twice is a renderer bug.</summary>
internal sealed class TalosFieldRecorder
{
    private readonly List<TalosField> _fields = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public IReadOnlyList<TalosField> Fields => _fields;

    public void Add(string path, TalosFieldClass fieldClass, string value)
    {
        if (!_paths.Add(path))
        {
            throw new InvalidOperationException($"Talos field {path} recorded twice.");
        }

        _fields.Add(new TalosField(path, fieldClass, value));
    }
}
