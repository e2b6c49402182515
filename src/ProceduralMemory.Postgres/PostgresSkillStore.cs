using Npgsql;
using Polly;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Memory.Store.Sql;

namespace ProceduralMemory.Postgres;

/// <summary>
/// The shared skill store: one PostgreSQL database (its <c>procmem</c> schema) that agent processes on many machines
/// learn into at once, with the SQLite store's semantics. Write transactions lock the library's meta row, so writes
/// are serialised and the change number is exact; skills are upserted on their preconditions and effect with
/// atomic increments. Opening gives up on a server it cannot reach after <see cref="PostgresStoreOptions.ConnectTime"/>;
/// once open, an operation is tried once: compose retries with <see cref="PostgresRetry.UseRetry(PostgresSkillStore)"/>
/// (transient failures such as a server restart are waited out), and a write retried after an ambiguous failure is
/// never applied twice (the commit log, <c>PostgresSkillStore.CommitLog.cs</c>). A database whose <c>procmem</c>
/// schema belongs to someone else is never written.
/// </summary>
/// <remarks>
/// An instance serialises its own callers, so it may be shared between threads; to write from several threads in
/// parallel, give each its own instance. Each operation takes a connection from the instance's own pool. Messages
/// name the library as <see cref="Location"/> and never contain the password. The tables are described in
/// <c>PostgresSchema</c>; the commit sequence, reads and pruning are <see cref="SqlSkillStore"/>'s, over
/// <see cref="PostgresDialect"/>.
/// </remarks>
public sealed partial class PostgresSkillStore : SqlSkillStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly string? _password;
    private readonly ResiliencePipeline _connect;

    private PostgresSkillStore(string location, string? password, NpgsqlDataSource dataSource, PostgresStoreOptions options)
        : base(PostgresDialect.Instance, location, options.ReadOnly)
    {
        _password = password;
        _dataSource = dataSource;
        _options = options;
        _connect = PostgresRetry.Build(options.ConnectTime, options.TimeProvider, bounded: true);
    }

    /// <summary>The library's location without the password, such as <c>postgresql://agent@db:5432/skills</c>.</summary>
    public string Location => LibraryName;

    /// <summary>
    /// Opens the library in the database at <paramref name="location"/> (a connection string or a
    /// <c>postgres://</c> URI, see <see cref="PostgresLocation"/>). For writing, a database without a <c>procmem</c>
    /// schema becomes a new (still manifest-less) library and an older schema is upgraded; for reading only,
    /// nothing is ever written. The database itself must exist.
    /// </summary>
    /// <exception cref="LibraryException">
    /// The location is invalid; the server could not be reached within the connect time (15 s), refused the login, or
    /// has no such database; there is no library there (read-only); the <c>procmem</c> schema is another application's (left
    /// untouched); or the library was written by a newer procmem.
    /// </exception>
    public static PostgresSkillStore Open(string location, bool readOnly = false) =>
        Open(location, new PostgresStoreOptions { ReadOnly = readOnly });

    /// <summary>
    /// Opens the library in the database at <paramref name="location"/> as <see cref="Open(string, bool)"/> does, with
    /// <paramref name="options"/> saying whether it is read-only, how long to try to connect and to retry, and by which clock.
    /// </summary>
    /// <exception cref="LibraryException">As for <see cref="Open(string, bool)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The connect time is outside 10 ms to one day.</exception>
    public static PostgresSkillStore Open(string location, PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ConnectTime, TimeSpan.FromMilliseconds(10));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ConnectTime, TimeSpan.FromDays(1));
        NpgsqlConnectionStringBuilder settings = PostgresLocation.Parse(location);
        string described = PostgresLocation.Describe(settings);
        // One attempt must not outlast the whole connect time (a host that drops packets hangs an attempt for its
        // full timeout); Npgsql counts whole seconds, 0 meaning forever, and takes at most 1024.
        int attemptSeconds = (int)Math.Min(1024, Math.Ceiling(options.ConnectTime.TotalSeconds));
        settings.Timeout = settings.Timeout > 0 ? Math.Min(settings.Timeout, attemptSeconds) : attemptSeconds;
        // Sessions left idle inside a transaction by a vanished client would hold the meta row's lock: let the
        // server end them. A read-only store also has the server refuse any write.
        settings.Options = string.Join(' ', new[]
        {
            settings.Options, "-c idle_in_transaction_session_timeout=60000", options.ReadOnly ? "-c default_transaction_read_only=on" : null,
        }.Where(o => !string.IsNullOrWhiteSpace(o)));
        settings.ApplicationName ??= "procmem";
        // Lets an error in a batch name its command, so a counter overflow names the update that caused it.
        settings.IncludeFailedBatchedCommand = true;
        var store = new PostgresSkillStore(described, settings.Password, NpgsqlDataSource.Create(settings), options);
        try
        {
            store.RunOpening(store.Prepare);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Closes the instance's connections.</summary>
    protected override void Close() => _dataSource.Dispose();
}
