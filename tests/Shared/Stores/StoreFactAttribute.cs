namespace ProceduralMemory.Tests.Shared.Stores;

/// <summary>
/// Whether this test assembly's store can be tested here. Each backend's test project implements
/// <see cref="SkipReason"/>: an embedded store always can; a server store cannot when no server is configured.
/// </summary>
internal static partial class StoreAvailability
{
    /// <summary>Why the store's tests are skipped, or <c>null</c> to run them.</summary>
    public static partial string? SkipReason { get; }
}

/// <summary>A contract fact, skipped with <see cref="StoreAvailability.SkipReason"/> when the backend is not available.</summary>
internal sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute() => Skip = StoreAvailability.SkipReason;
}

/// <summary>A contract theory, skipped with <see cref="StoreAvailability.SkipReason"/> when the backend is not available.</summary>
internal sealed class StoreTheoryAttribute : TheoryAttribute
{
    public StoreTheoryAttribute() => Skip = StoreAvailability.SkipReason;
}
