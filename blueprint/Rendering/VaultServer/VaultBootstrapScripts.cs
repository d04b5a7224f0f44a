namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// The scripts the Pulumi program runs on the Vault VM so that the first <c>pulumi up</c> ends with a usable Vault:
/// <see cref="JoinTailnet"/>, over SSH on the VM's public address (the only way in before it is on the tailnet),
/// joins the tailnet with the auth key read from stdin; then, over the tailnet (SSH to its MagicDNS name),
/// <see cref="InstallTls"/> installs the TLS files read from stdin and
/// starts (or reloads) Vault; <see cref="Init"/> initialises it once and prints the init result (unseal keys and root
/// token) as JSON on stdout, which the program keeps only as secret outputs; <see cref="Unseal"/> reads unseal keys
/// from stdin, one per line. Secrets never travel in arguments or the environment. Init and unseal talk to Vault
/// through its one URL and trust only the installed CA.
/// </summary>
public static class VaultBootstrapScripts
{
    public const string JoinTailnetFile = "vault/join-tailnet.sh";
    public const string InstallTlsFile = "vault/install-tls.sh";
    public const string InitFile = "vault/init.sh";

    /// <summary>The line before each file in <see cref="InstallTls"/>'s stdin: <c># tazlab-tls tls.key</c>.</summary>
    public const string TlsBundleMarker = "# tazlab-tls ";
    public const string UnsealFile = "vault/unseal.sh";

    /// <summary>Key shares and threshold of <c>vault operator init</c>.</summary>
    public const int KeyShares = 5;

    public const int KeyThreshold = 3;

    /// <summary>How long init and unseal wait for Vault to answer (cloud-init installs it; the TLS script starts it).</summary>
    public const int WaitSeconds = 900;

    /// <summary>
    /// What <see cref="InstallTls"/> reads on stdin: each file after its marker line. The Pulumi program builds it from
    /// the TLS resources (secret: it holds the private key).
    /// </summary>
    public static string TlsBundle(string certificatePem, string privateKeyPem, string caCertificatePem) => string.Concat(
        TlsBundleMarker, VaultServerPaths.TlsCertificateName, "\n", WithNewline(certificatePem),
        TlsBundleMarker, VaultServerPaths.TlsPrivateKeyName, "\n", WithNewline(privateKeyPem),
        TlsBundleMarker, VaultServerPaths.CaCertificateName, "\n", WithNewline(caCertificatePem));

    /// <summary>
    /// Joins the tailnet with the auth key on stdin: written to a root-only 0600 file that <c>tailscale up</c> reads
    /// (<c>--auth-key=file:</c>), so the key is never an argument, an environment variable or part of the user data
    /// (which the metadata service serves to every process on the VM); the file is removed however the script ends.
    /// A VM already on the tailnet is left as it is. Waits for cloud-init to finish installing Tailscale first.
    /// </summary>
    public static string JoinTailnet(string deviceName, IReadOnlyList<string> tags) => string.Join('\n',
    [
        "#!/bin/sh",
        "# Written by tazlab. Run by the Pulumi program over SSH on the VM's public address (from tazlab:vaultSshSources),",
        "# once per server: joins the tailnet with the auth key read from stdin. The key goes to a root-only 0600 file",
        "# that tailscale up reads, never to an argument or the environment, and the file is removed however this ends.",
        "set -eu",
        "umask 077",
        "# The first run comes as soon as SSH answers, while cloud-init may still be installing Tailscale.",
        "cloud-init status --wait >/dev/null 2>&1 || true",
        $"install -d -o root -g root -m 0700 {VaultServerPaths.AuthKeyDirectory}",
        $"key={VaultServerPaths.AuthKeyFile}",
        "trap 'rm -f \"$key\"' EXIT",
        "trap 'exit 1' HUP INT TERM",
        "cat > \"$key\"",
        "if [ ! -s \"$key\" ]; then",
        "  echo \"vault-join: stdin holds no auth key\" >&2",
        "  exit 1",
        "fi",
        "if tailscale status --json 2>/dev/null | grep -q '\"BackendState\": *\"Running\"'; then",
        $"  echo \"vault-join: {deviceName} is already on the tailnet; the new key stays unused\" >&2",
        "  exit 0",
        "fi",
        $"tailscale up --auth-key=\"file:$key\" --hostname={deviceName} --advertise-tags={string.Join(',', tags)}",
        $"echo \"vault-join: {deviceName} joined the tailnet\" >&2",
        "",
    ]);

    /// <summary>
    /// Installs the certificate, key and CA from stdin (<see cref="TlsBundle"/>) into <see cref="VaultServerPaths.TlsDirectory"/>
    /// and has Vault load them: started the first time (its unit waits for the key), reloaded after a renewal (Vault
    /// re-reads its certificate on SIGHUP, so it stays unsealed). Waits for cloud-init to finish installing Vault first.
    /// </summary>
    public static string InstallTls() => string.Join('\n',
    [
        "#!/bin/sh",
        "# Written by tazlab. Run by the Pulumi program over the tailnet: installs Vault's TLS certificate, key and CA",
        $"# read from stdin (each after a line '{TlsBundleMarker}<file>') and starts Vault, or reloads it after a renewal.",
        "# Nothing secret is printed or passed as an argument; the files are staged in a private temporary folder",
        "# (umask 077), removed however the script ends.",
        "set -eu",
        "umask 077",
        "# The first run comes as soon as the VM has joined the tailnet, while cloud-init may still be installing Vault.",
        "cloud-init status --wait >/dev/null 2>&1 || true",
        "staging=$(mktemp -d)",
        "trap 'rm -rf \"$staging\"' EXIT",
        "trap 'exit 1' HUP INT TERM",
        $"awk -v dir=\"$staging\" 'index($0, \"{TlsBundleMarker}\") == 1 {{ name = substr($0, {TlsBundleMarker.Length + 1}); file = \"\"; if (name == \"{VaultServerPaths.TlsCertificateName}\" || name == \"{VaultServerPaths.TlsPrivateKeyName}\" || name == \"{VaultServerPaths.CaCertificateName}\") file = dir \"/\" name; next }} file != \"\" {{ print > file }}'",
        $"for name in {VaultServerPaths.TlsCertificateName} {VaultServerPaths.TlsPrivateKeyName} {VaultServerPaths.CaCertificateName}; do",
        "  if [ ! -s \"$staging/$name\" ]; then",
        "    echo \"vault-install-tls: stdin holds no $name\" >&2",
        "    exit 1",
        "  fi",
        "done",
        $"install -d -o {VaultServerPaths.User} -g {VaultServerPaths.User} -m 0750 {VaultServerPaths.TlsDirectory}",
        $"install -o {VaultServerPaths.User} -g {VaultServerPaths.User} -m 0644 \"$staging/{VaultServerPaths.TlsCertificateName}\" {VaultServerPaths.TlsCertificate}",
        $"install -o {VaultServerPaths.User} -g {VaultServerPaths.User} -m 0600 \"$staging/{VaultServerPaths.TlsPrivateKeyName}\" {VaultServerPaths.TlsPrivateKey}",
        $"install -o {VaultServerPaths.User} -g {VaultServerPaths.User} -m 0644 \"$staging/{VaultServerPaths.CaCertificateName}\" {VaultServerPaths.CaCertificate}",
        "if systemctl is-active --quiet vault; then",
        "  systemctl reload vault",
        "  echo \"vault-install-tls: certificate replaced; Vault reloaded\" >&2",
        "else",
        "  systemctl start vault",
        "  echo \"vault-install-tls: certificate installed; Vault started\" >&2",
        "fi",
        "",
    ]);

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

    private static string WithNewline(string pem) => pem.EndsWith('\n') ? pem : pem + "\n";

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
