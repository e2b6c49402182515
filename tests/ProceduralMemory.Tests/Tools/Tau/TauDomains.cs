using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Tau;

/// <summary>The two domains, loaded once for all the tests (loading parses a few megabytes of JSON).</summary>
internal static class TauDomains
{
    private static readonly Lazy<TauDomain> RetailDomain = new(() => TauDomain.Load("retail", DataFiles.TauDomain("retail")));
    private static readonly Lazy<TauDomain> AirlineDomain = new(() => TauDomain.Load("airline", DataFiles.TauDomain("airline")));

    public static TauDomain Retail => RetailDomain.Value;

    public static TauDomain Airline => AirlineDomain.Value;
}
