namespace Tazlab.Stacks.Validation.Corefile;

/// <summary>
/// The plugins a stock CoreDNS build knows: the names in coredns/coredns plugin.cfg (v1.14.7, a superset
/// of v1.12's). CoreDNS refuses to start on any other directive ("Unknown directive").
/// </summary>
public static class CoreDnsPlugins
{
    public static readonly IReadOnlySet<string> Names = new SortedSet<string>(StringComparer.Ordinal)
    {
        "root", "metadata", "geoip", "cancel", "proxyproto", "quic", "grpc_server", "https", "https3", "timeouts",
        "multisocket", "reload", "nsid", "bufsize", "bind", "debug", "trace", "ready", "health", "pprof", "shed",
        "prometheus", "errors", "log", "dnstap", "local", "dns64", "any", "chaos", "loadbalance", "tsig", "rewrite",
        "autopath", "acl", "cache", "header", "dnssec", "tls", "minimal", "template", "transfer", "hosts", "route53",
        "azure", "clouddns", "k8s_external", "kubernetes", "file", "auto", "secondary", "etcd", "loop", "forward",
        "grpc", "erratic", "whoami", "on", "sign", "view", "nomad",
    };

    public static bool IsKnown(string name) => Names.Contains(name);
}
