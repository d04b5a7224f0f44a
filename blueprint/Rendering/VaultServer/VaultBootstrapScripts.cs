using Tazlab.Blueprint.Rendering.VaultAccess;
using Tazlab.Blueprint.Rendering.VaultAuth;
using Tazlab.Blueprint.Rendering.VaultServer.Hcl;
using Tazlab.Stacks.Naming;

namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// The scripts the Pulumi program runs on the Vault VM so that the first <c>pulumi up</c> ends with a usable Vault:
/// <see cref="JoinTailnet"/>, over SSH on the VM's public address (the only way in before it is on the tailnet),
/// joins the tailnet with the auth key read from stdin; then, over the tailnet (SSH to its MagicDNS name),
/// <see cref="InstallTls"/> installs the TLS files read from stdin and
/// starts (or reloads) Vault; <see cref="Init"/> initialises it once, unseals it, creates the program's own AppRole
/// credential with the root token, revokes that token, and prints the unseal keys and the credential as JSON, which the
/// program keeps only as secret outputs (a Vault restarted sealed is unsealed by the next <c>up</c>, from the machine
/// running Pulumi: <c>tazlab vault unseal</c>). Secrets never travel in arguments.
/// </summary>
public static class VaultBootstrapScripts
{
    public const string JoinTailnetFile = "vault/join-tailnet.sh";
    public const string InstallTlsFile = "vault/install-tls.sh";
    public const string InitFile = "vault/init.sh";
    public const string InitCleanupFile = "vault/init-cleanup.sh";

    /// <summary>The line before each file in <see cref="InstallTls"/>'s stdin: <c># tazlab-tls tls.key</c>.</summary>
    public const string TlsBundleMarker = "# tazlab-tls ";

    /// <summary>Key shares and threshold of <c>vault operator init</c>.</summary>
    public const int KeyShares = 5;

    public const int KeyThreshold = 3;

    /// <summary>How long init and unseal wait for Vault to answer (cloud-init installs it; the TLS script starts it).</summary>
    public const int WaitSeconds = 900;

    /// <summary>How long the init waits, after unsealing, for Vault to become active (raft elects the only node).</summary>
    public const int ActiveWaitSeconds = 120;

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

    /// <summary>
    /// Initialises Vault once and hands the program a credential of its own, never the root token: keeps the init
    /// result in a root-only file until it is done (a failed run is finished by the next), unseals, writes the
    /// program's policy, enables AppRole, creates the program's role, revokes the root token and prints the unseal keys
    /// and the credential as JSON. A Vault initialised before, with no unfinished init on this VM, is an error: its keys
    /// are in the state that ran that init, and printing nothing would let an update wipe them from this one.
    /// </summary>
    public static string Init(string vaultApiUrl, VaultPolicy programPolicy)
    {
        var role = $"auth/{VaultAuthNames.AppRoleMount}/role/{programPolicy.Name}";
        return Script(
            vaultApiUrl,
            "initialises Vault once, creates the program's own credential and revokes the root token.",
            "Prints the unseal keys and the credential as JSON; the caller keeps stdout only as a Pulumi secret.",
            [
                "# Only the result goes to the real stdout (fd 3): Vault's CLI prints \"Success!\" lines that would spoil it.",
                "exec 3>&1 1>&2",
                // TAZLAB_STATE_DIR only moves the folder for the script's tests; on the VM it is the root-only default.
                $"state_dir=${{TAZLAB_STATE_DIR:-{VaultServerPaths.InitStateDirectory}}}",
                "state=\"$state_dir/vault-init.json\"",
                "result=\"$state_dir/vault-init-result.json\"",
                "umask 077",
                "# A run killed between the init and the move left the result here: it is the only copy of the keys.",
                "if [ -s \"$state.new\" ] && [ ! -s \"$state\" ]; then mv \"$state.new\" \"$state\"; fi",
                "set +e",
                "vault operator init -status >/dev/null 2>&1",
                "status=$?",
                "set -e",
                "# -status: 0 initialised, 2 not initialised, anything else an error.",
                "case \"$status\" in",
                "  2)",
                "    install -d -o root -g root -m 0700 \"$state_dir\"",
                "    # A result left by a Vault that has since been wiped is not this one's.",
                "    rm -f \"$result\" \"$result.new\"",
                "    # Kept until the result is printed: a run that fails half-way is finished by the next one.",
                "    vault operator init -key-shares=" + KeyShares + " -key-threshold=" + KeyThreshold + " -format=json > \"$state.new\"",
                "    mv \"$state.new\" \"$state\" ;;",
                "  0)",
                "    if [ ! -s \"$state\" ]; then",
                "      echo \"vault-init: $VAULT_ADDR is already initialised, and its unseal keys and credential are in the state of the run that initialised it: restore that state (docs/runbook.md, Vault: keys, root token, credentials); nothing was changed\"",
                "      exit 1",
                "    fi",
                "    echo \"vault-init: finishing the init an earlier run started (its result is in $state_dir)\" ;;",
                "  *) echo \"vault-init: cannot read the init status of $VAULT_ADDR\"; exit 1 ;;",
                "esac",
                "# Unseal with the init's keys: the policy and the credential need an unsealed Vault.",
                "jq -r '.unseal_keys_b64[]' \"$state\" | while IFS= read -r key; do",
                "  set +e",
                "  vault status >/dev/null 2>&1",
                "  sealed=$?",
                "  set -e",
                "  [ \"$sealed\" -eq 2 ] || break",
                "  printf '{\"key\":\"%s\"}' \"$key\" | curl -sS --fail --cacert \"$VAULT_CACERT\" -X PUT --data @- \"$VAULT_ADDR/v1/sys/unseal\" >/dev/null",
                "done",
                "vault status >/dev/null 2>&1 || { echo \"vault-init: $VAULT_ADDR is still sealed\"; exit 1; }",
                "# Unsealed is not yet active: raft elects this node leader first (sys/health answers 200 once it is).",
                "waited=0",
                "until [ \"$(curl -sS -o /dev/null -w '%{http_code}' --cacert \"$VAULT_CACERT\" \"$VAULT_ADDR/v1/sys/health\" || true)\" = 200 ]; do",
                $"  [ \"$waited\" -lt {ActiveWaitSeconds} ] || {{ echo \"vault-init: $VAULT_ADDR is unsealed but not active after {ActiveWaitSeconds}s\"; exit 1; }}",
                "  waited=$((waited + 2))",
                "  sleep 2",
                "done",
                "# The root token, in this process's environment only (never an argument), for the next steps alone.",
                "VAULT_TOKEN=$(jq -r '.root_token' \"$state\")",
                "export VAULT_TOKEN",
                "if [ ! -s \"$result\" ]; then",
                $"  vault policy write {programPolicy.Name} - <<'TAZLAB_POLICY'",
                HclWriter.Write(programPolicy.ToHcl()).TrimEnd('\n'),
                "TAZLAB_POLICY",
                $"  vault auth list -format=json | jq -e '.\"{VaultAuthNames.AppRoleMount}/\"' >/dev/null || vault auth enable -path={VaultAuthNames.AppRoleMount} approle",
                $"  vault write {role} {string.Join(' ', AppRoleSettings.WriteParameters(programPolicy.Name))}",
                "  # One secret id: those of an earlier, unfinished run are destroyed (accessors are not secret).",
                $"  vault list -format=json {role}/secret-id 2>/dev/null | jq -r '.[]' | while IFS= read -r accessor; do",
                $"    vault write {role}/secret-id-accessor/destroy secret_id_accessor=\"$accessor\"",
                "  done",
                "  # Secrets go from Vault to files in the root-only folder and on to jq, never through an argument.",
                $"  vault read -format=json {role}/role-id > \"$state_dir/role-id.json\"",
                $"  vault write -f -format=json {role}/secret-id > \"$state_dir/secret-id.json\"",
                "  jq -cs '{unseal_keys_b64: .[0].unseal_keys_b64, role_id: .[1].data.role_id, secret_id: .[2].data.secret_id} | select(.role_id != null and .secret_id != null)' \"$state\" \"$state_dir/role-id.json\" \"$state_dir/secret-id.json\" > \"$result.new\"",
                "  rm -f \"$state_dir/role-id.json\" \"$state_dir/secret-id.json\"",
                "  [ -s \"$result.new\" ] || { echo \"vault-init: the program's credential could not be created; the next run finishes the init\"; exit 1; }",
                "  mv \"$result.new\" \"$result\"",
                "fi",
                "# HashiCorp: use the root token to set up, then revoke it (vault operator generate-root makes another). A run",
                "# that stopped after this finds the result kept, and its token already gone.",
                "if ! vault token revoke -self >/dev/null 2>&1; then",
                "  # Revoked already by the run that stopped after this is fine; a token that still works is not.",
                "  if vault token lookup >/dev/null 2>&1; then echo \"vault-init: the root token could not be revoked\"; exit 1; fi",
                "fi",
                "unset VAULT_TOKEN",
                "cat \"$result\" >&3",
                "# The files stay until vault-init-cleanup, which runs once Pulumi has kept this output: a session lost",
                "# after the print is finished by the next run, from them.",
                "echo \"vault-init: initialised; the root token is revoked\"",
            ]);
    }

    /// <summary>
    /// Removes what <see cref="Init"/> kept on the VM (the init result, the revoked root token, the credential): run
    /// only after Pulumi has recorded the init's output, so a session lost after the init printed it can still be
    /// finished from the files.
    /// </summary>
    public static string InitCleanup() => string.Join('\n',
    [
        "#!/bin/sh",
        "# Written by tazlab. Run by the Pulumi program over the tailnet once vault-init's output is in the state:",
        "# removes the copy of the init result the init kept on the VM.",
        "set -eu",
        $"state_dir=${{TAZLAB_STATE_DIR:-{VaultServerPaths.InitStateDirectory}}}",
        "rm -f \"$state_dir/vault-init.json\" \"$state_dir/vault-init.json.new\" \"$state_dir/vault-init-result.json\" \"$state_dir/vault-init-result.json.new\" \"$state_dir/role-id.json\" \"$state_dir/secret-id.json\"",
        "echo \"vault-init-cleanup: the init result is only in the Pulumi state now\" >&2",
        "",
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
