namespace ProceduralMemory.Postgres;

/// <summary>How a <see cref="PostgresSkillStore"/> opens its library.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>The default <see cref="ConnectTime"/>.</summary>
    public static readonly TimeSpan DefaultConnectTime = TimeSpan.FromSeconds(15);

    /// <summary>Open for reading only: the server is asked to refuse writes on every connection, and every write method throws.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// How long opening keeps trying to reach the server, waits included, before it gives up with a
    /// <see cref="Memory.Store.LibraryException"/> saying "cannot reach": a wrong host or port, or a server that is
    /// down or never answers, fails within about this time (each connection attempt's own timeout is cut to it, in
    /// whole seconds). From 10 ms to one day; 15 s by default. Once the library is open, a lost server is waited for
    /// as the retry composed around the store decides (<see cref="PostgresRetry"/>).
    /// </summary>
    public TimeSpan ConnectTime { get; init; } = DefaultConnectTime;

    /// <summary>
    /// Added to the message of a server not reached within <see cref="ConnectTime"/>, after the time: how to wait
    /// longer (e.g. the command-line option that sets it); none by default.
    /// </summary>
    public string? ConnectTimeHint { get; init; }

    /// <summary>The clock the connect time is timed by (the library reads no clock of its own).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
