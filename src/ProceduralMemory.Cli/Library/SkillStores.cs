using ProceduralMemory.Memory.Store;
using ProceduralMemory.Postgres;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.Cli.Library;

/// <summary>
/// Opens the store a <c>--library</c> value names: a PostgreSQL library (a connection string or a
/// <c>postgres://</c> URI), shared by agents on many machines, or else a SQLite file, the embedded default.
/// </summary>
internal static class SkillStores
{
    /// <summary>The default library, in the working directory.</summary>
    public const string DefaultLibrary = "procmem.db";

    /// <summary>The environment variable that, when set, replaces <see cref="DefaultLibrary"/>.</summary>
    public const string LibraryVariable = "PROCMEM_LIBRARY";

    /// <summary>The environment variable that, when set, replaces <see cref="DefaultConnectTimeout"/>.</summary>
    public const string ConnectTimeoutVariable = "PROCMEM_CONNECT_TIMEOUT";

    /// <summary>How long opening a PostgreSQL library keeps trying to reach its server, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = PostgresStoreOptions.DefaultConnectTime;

    /// <summary>
    /// Opens <paramref name="location"/>; <paramref name="readOnly"/> never writes (nor creates) anything. A PostgreSQL
    /// server not reached within <paramref name="connectTimeout"/> (default <see cref="DefaultConnectTimeout"/>) is an
    /// error; once open, every operation is retried through transient failures (<see cref="PostgresRetry.UseRetry"/>).
    /// </summary>
    /// <exception cref="LibraryException">Not a usable library, or its server out of reach (the message names it, never with a password).</exception>
    public static ISkillStore Open(string location, bool readOnly, TimeSpan? connectTimeout = null)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new LibraryException("--library needs a file name or a PostgreSQL location.");
        return PostgresLocation.IsPostgres(location)
            ? PostgresSkillStore.Open(location, new PostgresStoreOptions
            {
                ReadOnly = readOnly,
                ConnectTime = connectTimeout ?? DefaultConnectTimeout,
                ConnectTimeHint = $"--connect-timeout SECONDS or {ConnectTimeoutVariable} waits longer",
            }).UseRetry()
            : SqliteSkillStore.Open(location, readOnly);
    }

    /// <summary>
    /// Opens a library that must exist already, as <see cref="Open"/> does: a missing library file is reported
    /// ("no library at ...") rather than created, even when <paramref name="readOnly"/> is false.
    /// </summary>
    /// <exception cref="LibraryException">No library there, or not a usable one.</exception>
    public static ISkillStore OpenExisting(string location, bool readOnly, TimeSpan? connectTimeout = null)
    {
        // A read-only open never creates anything, and refuses a missing or empty file with the same words as list and
        // export. A file with content goes straight to the writable open, which upgrades an older library's schema (a
        // read-only open would refuse it).
        if (!readOnly && !PostgresLocation.IsPostgres(location) && !(File.Exists(location) && new FileInfo(location).Length > 0))
            Open(location, readOnly: true).Dispose();
        return Open(location, readOnly, connectTimeout);
    }

    /// <summary>How <paramref name="location"/> is named in messages: a PostgreSQL location without its password.</summary>
    public static string Describe(string location)
    {
        if (!PostgresLocation.IsPostgres(location))
            return location;
        return PostgresLocation.TryParse(location, out var settings) ? PostgresLocation.Describe(settings) : "a malformed PostgreSQL location";
    }

    /// <summary>The manifest of the library at <paramref name="location"/>; a store with no library yet is an error.</summary>
    /// <exception cref="LibraryException">The store holds no library.</exception>
    public static LibraryManifest ManifestOf(ISkillStore store, string location) =>
        store.Manifest ?? throw new LibraryException($"{Describe(location)} holds no skills yet: train into it first");

    /// <summary>True when <paramref name="location"/> is a library file that already exists (a server library always "exists").</summary>
    public static bool Exists(string location) => PostgresLocation.IsPostgres(location) || File.Exists(location);

    /// <summary>
    /// Removes a library file this process created and could not finish (with SQLite's side files). A database on a
    /// server is never dropped: a failed command's transaction has already left it as it was.
    /// </summary>
    public static void Delete(string location)
    {
        if (PostgresLocation.IsPostgres(location))
            return;
        foreach (string suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(location + suffix);
    }
}
