namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// The two scripts the Pulumi program runs on the Vault VM over the tailnet (SSH to its MagicDNS name) so that the
/// first <c>pulumi up</c> ends with a usable Vault: <see cref="Init"/> initialises it once and prints the init
/// result (unseal keys and root token) as JSON on stdout, which the program keeps only as secret outputs;
/// <see cref="Unseal"/> reads unseal keys from stdin, one per line, never from arguments or the environment.
/// Both talk to Vault through its one URL and trust only the CA cloud-init installed.
/// </summary>
public static class VaultBootstrapScripts
{
    public const string InitFile = "vault/init.sh";
    public const string UnsealFile = "vault/unseal.sh";

    /// <summary>Key shares and threshold of <c>vault operator init</c>.</summary>
    public const int KeyShares = 5;

    public const int KeyThreshold = 3;

    /// <summary>How long the scripts wait for cloud-init to install and start Vault.</summary>
    public const int WaitSeconds = 900;

    public static string Init(string vaultApiUrl) => Script(
        vaultApiUrl,
        "initialises Vault once and prints the init result (unseal keys, root token) as JSON on stdout.",
        "The caller keeps stdout only as a Pulumi secret. An initialised Vault is left alone: nothing is printed.",
        [
            "set +e",
            "vault operator init -status >/dev/null 2>&1",
            "status=$?",
            "set -e",
            "# -status: 0 initialised, 2 not initialised, anything else an error.",
            "case \"$status\" in",
            "  0) echo \"vault-init: $VAULT_ADDR is already initialised; nothing to do\" >&2 ;;",
            $"  2) vault operator init -key-shares={KeyShares} -key-threshold={KeyThreshold} -format=json ;;",
            "  *) echo \"vault-init: cannot read the init status of $VAULT_ADDR\" >&2; exit 1 ;;",
            "esac",
        ]);

    public static string Unseal(string vaultApiUrl) => Script(
        vaultApiUrl,
        "unseals Vault with the keys read from stdin, one per line, until it reports unsealed.",
        "Keys are never printed; a Vault that is already unsealed is left alone.",
        [
            "while IFS= read -r key; do",
            "  [ -n \"$key\" ] || continue",
            "  set +e",
            "  vault status >/dev/null 2>&1",
            "  status=$?",
            "  set -e",
            "  # status: 0 unsealed, 2 sealed.",
            "  [ \"$status\" -eq 2 ] || break",
            "  # Through the HTTP API with the key on stdin (printf is a shell builtin): it never shows in a process list.",
            "  printf '{\"key\":\"%s\"}' \"$key\" | curl -sS --fail --cacert \"$VAULT_CACERT\" -X PUT --data @- \"$VAULT_ADDR/v1/sys/unseal\" >/dev/null",
            "done",
            "vault status >/dev/null 2>&1 || { echo \"vault-unseal: $VAULT_ADDR is still sealed\" >&2; exit 1; }",
            "echo \"vault-unseal: $VAULT_ADDR is unsealed\" >&2",
        ]);

    private static string Script(string vaultApiUrl, string what, string how, IReadOnlyList<string> body) => string.Join('\n',
    [
        "#!/bin/sh",
        $"# Written by tazlab. Run by the Pulumi program over the tailnet: {what}",
        $"# {how}",
        "set -eu",
        $"export VAULT_ADDR='{vaultApiUrl}'",
        $"export VAULT_CACERT='{VaultServerPaths.CaCertificate}'",
        "waited=0",
        "while :; do",
        "  set +e",
        "  vault status >/dev/null 2>&1",
        "  status=$?",
        "  set -e",
        "  # vault status: 0 unsealed, 2 sealed (both answer); 1 or 127 (not installed yet) do not.",
        "  if [ \"$status\" -eq 0 ] || [ \"$status\" -eq 2 ]; then",
        "    break",
        "  fi",
        $"  if [ \"$waited\" -ge {WaitSeconds} ]; then",
        $"    echo \"no answer from $VAULT_ADDR after {WaitSeconds}s\" >&2",
        "    exit 1",
        "  fi",
        "  waited=$((waited + 5))",
        "  sleep 5",
        "done",
        .. body,
        "",
    ]);
}
