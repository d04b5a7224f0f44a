namespace Tazlab.Components.VaultKubernetesAuth;

/// <summary>
/// The Vault provider trusts a CA only through a file (<c>ca_cert_file</c>; its inline form is an environment variable
/// of the engine, which the program cannot set). Vault's CA certificate is public, so it is written inside the project,
/// one file per stack, under a path relative to the program's folder, where the engine starts both the program and its
/// providers: the state holds no path of one machine, and any checkout whose program has run finds the file. Refresh and
/// destroy therefore run the program (<c>--run-program</c> or <c>PULUMI_RUN_PROGRAM=true</c>).
/// </summary>
public static class VaultCaFile
{
    /// <summary>The folder, inside the project, of files the program writes for its providers (ignored by Git).</summary>
    public const string Folder = ".tazlab";

    /// <summary>The CA file's path relative to the program's folder, e.g. <c>../.tazlab/prod/vault-ca.pem</c>.</summary>
    public static string PathFor(string projectRoot, string stackName) =>
        string.Join('/', projectRoot.TrimEnd('/'), Folder, stackName, "vault-ca.pem");

    /// <summary>Writes the CA where <see cref="PathFor"/> says, relative to the current folder (the program's), and returns that relative path.</summary>
    public static string Write(string projectRoot, string stackName, string caCertificatePem)
    {
        var path = PathFor(projectRoot, stackName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written whole and then moved into place: a provider reading it never sees half a certificate.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, caCertificatePem);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
