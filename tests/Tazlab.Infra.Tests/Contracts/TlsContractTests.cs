using Tazlab.Blueprint.Rendering.VaultServer;
using Tazlab.Components.VaultServer;
using Tazlab.Infra.Tests.Engine;
using static Tazlab.Infra.Tests.Contracts.RegisteredInputs;
using static Tazlab.Infra.Tests.Engine.ResourceTypes;

namespace Tazlab.Infra.Tests.Contracts;

/// <summary>
/// What hashicorp/terraform-provider-tls (through Pulumi.Tls 5.5.1) does with what the program registers
/// (docs/provider-contracts.md, TLS): a certificate is replaced only once it is within early_renewal_hours of its end
/// (0 by default: once it has expired).
/// </summary>
public class TlsContractTests
{
    [Fact]
    public async Task The_server_certificate_renews_itself_before_it_expires()
    {
        var run = await ProgramRun.Of("prod");

        var certificate = run.Mocks.Single(LocallySignedCert, "server-cert").Inputs;
        var renewal = Convert.ToInt32(certificate["earlyRenewalHours"], System.Globalization.CultureInfo.InvariantCulture);
        var validity = Convert.ToInt32(certificate["validityPeriodHours"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(VaultServer.CertificateRenewalHours, renewal);
        Assert.InRange(renewal, 1, validity - 1);
    }

    [Fact]
    public async Task The_ca_is_a_ca_and_signs_the_server_certificate()
    {
        var run = await ProgramRun.Of("prod");

        var ca = run.Mocks.Single(SelfSignedCert, "ca").Inputs;
        Assert.Equal(true, ca["isCaCertificate"]);
        Assert.Contains("cert_signing", Strings(ca["allowedUses"]));
        var server = run.Mocks.Single(LocallySignedCert, "server-cert").Inputs;
        Assert.Equal("-----BEGIN CERTIFICATE-----\nVAULT-CA\n-----END CERTIFICATE-----\n", server["caCertPem"]);
        Assert.Contains("server_auth", Strings(server["allowedUses"]));
    }

    [Fact]
    public async Task The_certificate_request_names_exactly_the_rendered_subject_alternative_names()
    {
        var run = await ProgramRun.Of("prod");

        var sans = run.Deployment!.Plan.Context.Rendering.Get<VaultServerRendering>().SubjectAlternativeNames;
        var request = run.Mocks.Single(CertRequest, "server-csr").Inputs;
        Assert.Equal(sans.Where(s => s.Kind == SubjectAlternativeNameKind.Dns).Select(s => s.Value), Strings(request["dnsNames"]));
        Assert.Equal(sans.Where(s => s.Kind == SubjectAlternativeNameKind.Ip).Select(s => s.Value), Strings(request["ipAddresses"]));
    }
}
