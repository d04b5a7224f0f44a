namespace Tazlab.Blueprint.Rendering.VaultServer;

/// <summary>
/// The script vault.service runs before every start: it waits for the VM's tailnet IPv4 address and writes
/// Vault's tailnet listener for exactly that address (from the rendered template). The address exists only
/// once the VM has joined the tailnet, and it can change if the device is re-registered; resolving it at each
/// start keeps the listener on the tailnet without ever falling back to a wildcard address.
/// </summary>
public static class TailnetListenerScript
{
    /// <summary>How long to wait for tailscaled after boot; the drop-in's start timeout is longer.</summary>
    public const int WaitSeconds = 90;

    public static string Text() => string.Join('\n',
    [
        "#!/bin/sh",
        "# Written by tazlab. Run by vault.service (ExecStartPre) before every start: renders Vault's tailnet",
        "# listener for the address tailscaled holds, so Vault binds loopback and that address only.",
        "set -eu",
        $"template={VaultServerPaths.TailnetListenerTemplate}",
        $"target={VaultServerPaths.TailnetListener}",
        "waited=0",
        "while :; do",
        "  address=$(tailscale ip -4 2>/dev/null | head -n 1 || true)",
        "  case \"$address\" in",
        "    ''|*[!0-9.]*) ;;",
        "    100.*.*.*)",
        "      # Tailscale assigns addresses from 100.64.0.0/10; anything else is not a tailnet address.",
        "      second=${address#100.}",
        "      second=${second%%.*}",
        "      if [ \"$second\" -ge 64 ] && [ \"$second\" -le 127 ]; then",
        "        break",
        "      fi",
        "      ;;",
        "  esac",
        $"  if [ \"$waited\" -ge {WaitSeconds} ]; then",
        $"    echo \"vault-tailnet-listener: no tailnet IPv4 address after {WaitSeconds}s\" >&2",
        "    exit 1",
        "  fi",
        "  waited=$((waited + 1))",
        "  sleep 1",
        "done",
        $"sed \"s/{VaultServerPaths.TailnetAddressToken}/$address/g\" \"$template\" > \"$target.tmp\"",
        "chmod 0644 \"$target.tmp\"",
        "mv \"$target.tmp\" \"$target\"",
        "",
    ]);
}
