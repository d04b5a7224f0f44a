using System.Text.Json;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;

namespace Tazlab.Blueprint.Rendering.VaultAccess;

/// <summary>
/// Who may do what on Vault, as the owning stack renders it: its own program's credential policy (written by the
/// init, with the root token, which is then revoked) and, per referencing stack it grants a credential, that stack's
/// role and reader policies and its credential's policy.
/// A stack that references Vault renders nothing here: its credential is the owner's to give.
/// </summary>
/// <param name="ProgramPolicy">Null when the stack does not own Vault.</param>
public sealed record VaultAccessRendering(
    VaultPolicy? ProgramPolicy,
    IReadOnlyList<VaultGrantRendering> Grants,
    IReadOnlyList<RenderedFile> Files) : IAreaRendering
{
    public const string Folder = "vault/access/";

    public static readonly VaultAccessRendering NotOwned = new(null, [], []);

    public string Area => "vaultAccess";

    public static string FileOf(VaultPolicy policy) => $"{Folder}{policy.Name}.hcl";

    /// <summary>Every rendered policy read back from its HCL: what checks inspect is what ships.</summary>
    public IReadOnlyList<VaultPolicy> ReadPolicyFiles() => Files
        .Where(f => f.Path.StartsWith(Folder, StringComparison.Ordinal))
        .Select(f => VaultPolicy.FromHcl(Path.GetFileNameWithoutExtension(f.Path), HclReader.Read(f.Content)))
        .ToList();

    public void WritePlanFacts(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (ProgramPolicy is not null)
        {
            json.WriteString("programCredential", ProgramPolicy.Name);
        }

        json.WriteStartArray("grants");
        foreach (var grant in Grants)
        {
            json.WriteStartObject();
            json.WriteString("stack", grant.Grant.Stack);
            json.WriteString("credential", grant.Credential.Name);
            json.WriteStartArray("policies");
            foreach (var policy in grant.Policies)
            {
                json.WriteStringValue(policy.Name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
