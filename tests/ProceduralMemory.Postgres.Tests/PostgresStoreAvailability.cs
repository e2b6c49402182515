using ProceduralMemory.Postgres.Tests;

namespace ProceduralMemory.Tests.Shared.Stores;

internal static partial class StoreAvailability
{
    /// <summary>The contract runs where a test server is configured, and fails on CI without one.</summary>
    public static partial string? SkipReason => PostgresServer.SkipReason;
}
