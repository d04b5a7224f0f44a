using System.Text.Json;
using Tazlab.Blueprint.Rules;
using Tazlab.Stacks.Reading;

namespace Tazlab.Blueprint.Planning;

/// <summary>
/// plan.json: the names, phases, critical path, totals, check results, warnings, and which secrets are set
/// (never their values). Stable order and no timestamps, so two runs give identical bytes.
/// </summary>
public static class PlanJsonWriter
{
    public static void Write(Utf8JsonWriter json, Plan plan)
    {
        var context = plan.Context;
        var analysis = context.Analysis;
        json.WriteStartObject();
        json.WriteString("project", context.Config.ProjectName);
        json.WriteString("stack", context.Config.StackName);

        json.WriteStartObject("names");
        json.WriteString("tailnet", context.Names.Tailnet);
        json.WriteString("vaultFqdn", context.Names.VaultFqdn);
        json.WriteString("vaultApiUrl", context.Names.VaultApiUrl);
        json.WriteString("apiServerFqdn", context.Names.ApiServerFqdn);
        json.WriteString("apiServerUrl", context.Names.ApiServerUrl);
        json.WriteEndObject();

        json.WriteStartArray("phases");
        for (var p = 0; p < analysis.Phases.Count; p++)
        {
            json.WriteStartObject();
            json.WriteNumber("phase", p + 1);
            WriteStrings(json, "nodes", analysis.Phases[p]);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("criticalPath");
        WriteStrings(json, "nodes", analysis.CriticalPath);
        WriteDuration(json, analysis.CriticalDuration);
        json.WriteEndObject();

        json.WriteStartObject("serialTotal");
        WriteDuration(json, analysis.SerialDuration);
        json.WriteEndObject();

        json.WriteStartArray("checks");
        foreach (var check in plan.Checks)
        {
            json.WriteStartObject();
            json.WriteString("id", check.RuleId);
            json.WriteString("title", check.Title);
            json.WriteString("status", StatusName(check.Status));
            WriteStrings(json, "messages", check.Messages);
            if (check.Status is RuleStatus.Fail or RuleStatus.Warn)
            {
                json.WriteString("fix", check.Fix);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteStrings(json, "warnings", plan.Warnings.Select(w => w.Message).ToList());

        WriteStrings(json, "files", context.Rendering.Files.Select(f => f.Path).ToList());
        json.WriteStartObject("renderings");
        foreach (var area in context.Rendering.Areas.OrderBy(a => a.Area, StringComparer.Ordinal))
        {
            json.WritePropertyName(area.Area);
            area.WritePlanFacts(json);
        }

        json.WriteEndObject();

        json.WriteStartArray("secrets");
        foreach (var secret in SecretsOf(plan))
        {
            json.WriteStartObject();
            json.WriteString("key", secret.Key);
            json.WriteBoolean("set", secret.IsSet);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string StatusName(RuleStatus status) => status switch
    {
        RuleStatus.Pass => "pass",
        RuleStatus.Warn => "warn",
        RuleStatus.Skipped => "skipped",
        _ => "fail",
    };

    /// <summary>The stack's own secrets the apply will need (references only).</summary>
    public static IReadOnlyList<Stacks.Configuration.SecretReference> SecretsOf(Plan plan)
    {
        var config = plan.Context.Config;
        var secrets = new List<Stacks.Configuration.SecretReference> { config.BootstrapSecrets.FluxGitToken };
        if (config.Ownership.VaultServer == Stacks.Model.PartOwnership.Own)
        {
            secrets.Add(config.Vault.SshPrivateKey);
        }

        if (config.Backup.IsConfigured)
        {
            secrets.AddRange(config.Backup.Secrets);
        }

        return secrets.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
    }

    private static void WriteDuration(Utf8JsonWriter json, TimeSpan duration)
    {
        json.WriteNumber("seconds", (long)duration.TotalSeconds);
        json.WriteString("duration", DurationParser.Format(duration));
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
