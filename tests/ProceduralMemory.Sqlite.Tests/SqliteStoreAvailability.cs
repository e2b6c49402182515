namespace ProceduralMemory.Tests.Shared.Stores;

internal static partial class StoreAvailability
{
    /// <summary>An SQLite file can always be tested.</summary>
    public static partial string? SkipReason => null;
}
