using System.CommandLine;
using Tazlab.Stacks.Configuration;
using Tazlab.VaultApi.Unseal;

namespace Tazlab.Cli.Commands;

/// <summary>
/// <c>vault unseal</c>: unseals Vault with the key shares read from stdin, one per line; a Vault that is unsealed
/// gets none. The Pulumi program runs it on every <c>up</c> (never in a preview), so a Vault that restarted sealed is
/// unsealed by the next <c>up</c>. It trusts only the CA file given, never the system store.
/// </summary>
public static class VaultUnsealCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string>("--url") { Description = "Vault's API URL (its MagicDNS name and port).", Required = true };
        var caFile = new Option<FileInfo>("--ca-file") { Description = "The PEM of Vault's CA (the program writes .tazlab/<stack>/vault-ca.pem).", Required = true };
        var command = new Command(
            "unseal",
            "Unseal Vault with the key shares on stdin, one per line. Exit 0 unsealed (or already), 1 still sealed or unreachable, 2 usage.")
        {
            url, caFile,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse.GetValue(url)!, parse.GetValue(caFile)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string urlText, FileInfo caFile, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(urlText.EndsWith('/') ? urlText : urlText + "/", UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            context.Stderr.WriteLine($"--url: '{ConfigScalar.Printable(urlText)}' is not an https URL; expected Vault's API URL, e.g. https://vault.example.ts.net:8200");
            return ExitCodes.InvalidInput;
        }

        string caPem;
        try
        {
            caPem = await File.ReadAllTextAsync(caFile.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Stderr.WriteLine($"--ca-file: {ConfigScalar.Escape(caFile.FullName)} cannot be read ({e.GetType().Name}); expected the PEM of Vault's CA");
            return ExitCodes.InvalidInput;
        }

        using var handler = VaultTrust.Handler(caPem, out var problem);
        if (handler is null)
        {
            context.Stderr.WriteLine($"--ca-file: {ConfigScalar.Escape(caFile.FullName)} {problem}; expected the PEM of Vault's CA");
            return ExitCodes.InvalidInput;
        }

        var keys = new List<string>();
        while (await context.Stdin.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Trim() is { Length: > 0 } key)
            {
                keys.Add(key);
            }
        }

        if (keys.Count == 0)
        {
            context.Stderr.WriteLine("stdin: holds no key share; expected Vault's unseal keys, one per line");
            return ExitCodes.InvalidInput;
        }

        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        var outcome = await new VaultUnsealer(http, url).UnsealAsync(keys, line => context.Stderr.WriteLine($"vault: {line}"), cancellationToken);
        context.Stderr.WriteLine($"vault: {outcome.Message}");
        return outcome.Unsealed ? ExitCodes.Success : ExitCodes.OperationFailed;
    }
}
