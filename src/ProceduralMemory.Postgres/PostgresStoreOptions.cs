namespace ProceduralMemory.Postgres;

/// <summary>How a <see cref="PostgresSkillStore"/> opens its library and rides out failures.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>Open for reading only: the server is asked to refuse writes on every connection, and every write method throws.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// How long an operation keeps retrying through transient failures (a server restart, a dropped connection, a
    /// serialization failure) before it gives up with a <see cref="Memory.Store.LibraryException"/>. Waits between
    /// attempts grow exponentially from 100 ms to at most 5 s.
    /// </summary>
    public TimeSpan RetryTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock retries are timed by (the library reads no clock of its own).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
