namespace Tazlab.TestSupport.FakeKubernetes;

/// <summary>A node as the fake API server lists it: its name and its Ready condition (status and reason).</summary>
public sealed record FakeNode(string Name, string Ready = "True", string Reason = "KubeletReady");
