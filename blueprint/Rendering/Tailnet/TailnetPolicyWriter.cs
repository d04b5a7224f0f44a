using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityToolkit.HighPerformance.Buffers;

namespace Tazlab.Blueprint.Rendering.Tailnet;

/// <summary>
/// Writes the policy as HuJSON: a few <c>//</c> header lines, then plain indented JSON in a fixed key order
/// (tagOwners, grants, ssh, tests), so the same model always gives the same bytes.
/// </summary>
public static class TailnetPolicyWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",

        // Read by Tailscale, never embedded in HTML: keep e-mail owners such as a+b@example.com readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(TailnetPolicy policy, IReadOnlyList<string> headerLines)
    {
        // Header and body go into one pooled UTF-8 buffer, decoded once: the policy is the file that grows with the
        // access intents, and every extra copy of it (a growing buffer's discarded arrays included) is garbage.
        using var buffer = new ArrayPoolBufferWriter<byte>();
        foreach (var line in headerLines)
        {
            if (line.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException("A header comment line cannot contain a line break.", nameof(headerLines));
            }

            Encoding.UTF8.GetBytes($"// {line}\n", buffer);
        }

        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteBody(json, policy);
        }

        buffer.Write("\n"u8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteBody(Utf8JsonWriter json, TailnetPolicy policy)
    {
        json.WriteStartObject();

        json.WriteStartObject("tagOwners");
        foreach (var owner in policy.TagOwners)
        {
            WriteStrings(json, owner.Tag, owner.Owners);
        }

        json.WriteEndObject();

        json.WriteStartArray("grants");
        foreach (var grant in policy.Grants)
        {
            json.WriteStartObject();
            WriteStrings(json, "src", grant.Src);
            WriteStrings(json, "dst", grant.Dst);
            WriteStrings(json, "ip", grant.Ip);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // No section at all when there are no rules: Tailscale SSH stays off.
        if (policy.SshRules.Count > 0)
        {
            json.WriteStartArray("ssh");
            foreach (var rule in policy.SshRules)
            {
                json.WriteStartObject();
                json.WriteString("action", rule.Action);
                WriteStrings(json, "src", rule.Src);
                WriteStrings(json, "dst", rule.Dst);
                WriteStrings(json, "users", rule.Users);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("tests");
        foreach (var test in policy.Tests)
        {
            json.WriteStartObject();
            json.WriteString("src", test.Src);
            if (test.Accept.Count > 0)
            {
                WriteStrings(json, "accept", test.Accept);
            }

            if (test.Deny.Count > 0)
            {
                WriteStrings(json, "deny", test.Deny);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
