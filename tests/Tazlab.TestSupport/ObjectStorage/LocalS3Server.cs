using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tazlab.TestSupport.ObjectStorage;

/// <summary>
/// A real S3-compatible server for the backup tests: s3rver (from the npm registry, installed by scripts/test into
/// tests/tools) on 127.0.0.1 with a throw-away data folder, one bucket, and TLS from a certificate made for the
/// test. TLS matters: over plain http restic's S3 client signs streamed chunks, which s3rver stores undecoded.
/// </summary>
public sealed class LocalS3Server : IAsyncDisposable
{
    public const string AccessKeyId = "S3RVER";
    public const string SecretAccessKey = "S3RVER";

    private readonly Process _process;

    private LocalS3Server(Process process, string root, int port, string bucket)
    {
        _process = process;
        Root = root;
        Endpoint = $"https://127.0.0.1:{port}";
        Bucket = bucket;
    }

    /// <summary>The server's URL, e.g. https://127.0.0.1:40123.</summary>
    public string Endpoint { get; }

    public string Bucket { get; }

    /// <summary>The throw-away folder holding the server's data, certificate and key.</summary>
    public string Root { get; }

    /// <summary>Where the server keeps the objects: what an attacker holding the storage would see.</summary>
    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>The CA file a client trusts the server with (Go programs such as restic read it from SSL_CERT_FILE).</summary>
    public string CaFile => Path.Combine(Root, "cert.pem");

    /// <summary>s3rver from TAZLAB_S3RVER, or from tests/tools (npm ci --prefix tests/tools).</summary>
    public static string? Executable()
    {
        var configured = Environment.GetEnvironmentVariable("TAZLAB_S3RVER");
        var path = string.IsNullOrEmpty(configured) ? RepoPaths.File("tests/tools/node_modules/.bin/s3rver") : configured;
        return File.Exists(path) ? path : null;
    }

    public static async Task<LocalS3Server> StartAsync(string bucket)
    {
        var executable = Executable() ?? throw new InvalidOperationException(
            "s3rver is not installed: run scripts/test (it runs npm ci --prefix tests/tools), or set TAZLAB_S3RVER to an s3rver executable");
        var root = Directory.CreateTempSubdirectory("tazlab-s3-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        WriteCertificate(root);
        var port = FreePort();
        var start = new ProcessStartInfo(executable,
            ["--directory", Path.Combine(root, "data"), "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key", Path.Combine(root, "key.pem"), "--cert", Path.Combine(root, "cert.pem"), "--configure-bucket", bucket, "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalS3Server(process, root, port, bucket);
        await server.WaitUntilListeningAsync(port).ConfigureAwait(false);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with {_process.ExitCode} before it listened");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException("s3rver did not listen within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WriteCertificate(string root)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(root, "cert.pem"), certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(root, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
