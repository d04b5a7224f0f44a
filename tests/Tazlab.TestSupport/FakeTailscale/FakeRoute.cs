namespace Tazlab.TestSupport.FakeTailscale;

/// <summary>The endpoints the fake serves.</summary>
public enum FakeRoute
{
    Token,
    ListDevices,
    DeleteDevice,
}
