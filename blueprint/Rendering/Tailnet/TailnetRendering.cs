using System.Text.Json;

namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>The tailnet policy of the stack that owns it, as a typed model and as <c>tailnet/policy.hujson</c>.</summary>
/// <param name="Policy">Null when this stack references another stack's policy and renders none.</param>
public sealed record TailnetRendering(TailnetPolicy? Policy, IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string PolicyFile = "tailnet/policy.hujson";

    public string Area => "tailnet";

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteBoolean("ownsPolicy", Policy is not null);
        if (Policy is null)
        {
            json.WriteNull("file");
        }
        else
        {
            json.WriteString("file", PolicyFile);
        }

        json.WriteNumber("tagOwners", Policy?.TagOwners.Count ?? 0);
        json.WriteNumber("grants", Policy?.Grants.Count ?? 0);
        json.WriteNumber("sshRules", Policy?.SshRules.Count ?? 0);
        json.WriteNumber("acceptTests", Policy?.Tests.Count(t => t.Accept.Count > 0) ?? 0);
        json.WriteNumber("denyTests", Policy?.Tests.Count(t => t.Deny.Count > 0) ?? 0);
        json.WriteStartArray("tags");
        foreach (var owner in Policy?.TagOwners ?? [])
        {
            json.WriteStringValue(owner.Tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
