using System.Data.Common;
using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Memory.Store.Sql;

namespace ProceduralMemory.Sqlite;

/// <summary>
/// The embedded skill store: one SQLite file that several processes can learn into at once. Writes are
/// <c>BEGIN IMMEDIATE</c> transactions (concurrent writers queue for up to a minute instead of failing), the file
/// runs in write-ahead-log mode with <c>synchronous=FULL</c> (a commit that returned survives a power cut), and a
/// file that is not a procmem library is never written to.
/// </summary>
/// <remarks>
/// An instance serialises its own callers, so it may be shared between threads; to write from several threads in
/// parallel, give each its own instance (each holds one connection). The tables are described in
/// <c>SqliteSchema</c>; the commit sequence, reads and pruning are <see cref="SqlSkillStore"/>'s, over <see cref="SqliteDialect"/>.
/// </remarks>
public sealed class SqliteSkillStore : SqlSkillStore
{
    private const int BusyTimeoutSeconds = 60;

    /// <summary>Page size of new files (SQLite's default); it only takes effect before the first page is written.</summary>
    private const int PageSize = 4096;

    // Numbers the new libraries this process builds, so that no two builds share a file name.
    private static int s_builds;

    private readonly SqliteConnection _connection;

    private SqliteSkillStore(string path, SqliteConnection connection, bool readOnly)
        : base(SqliteDialect.Instance, path, readOnly)
    {
        _connection = connection;
    }

    /// <summary>The full path of the library file.</summary>
    public string Path => LibraryName;

    /// <summary>The store's connection, for tests that check its settings.</summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>
    /// Opens the library at <paramref name="path"/>. For writing, a missing or empty file becomes a new (still
    /// manifest-less) library and an older schema is upgraded; for reading only, nothing is ever written.
    /// </summary>
    /// <param name="path">The library file.</param>
    /// <param name="readOnly">Open for reading only: no file is created or changed, and every write throws.</param>
    /// <exception cref="LibraryException">
    /// There is no library at the path (read-only), the file is not a procmem library (left untouched), is corrupt or
    /// truncated, or was written by a newer procmem.
    /// </exception>
    public static SqliteSkillStore Open(string path, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new LibraryException($"{full} is a folder, not a library file");
        if (!readOnly && !File.Exists(full))
            CreateWhole(full);
        bool hasContent = SqliteFileIdentity.HasContent(full);
        if (readOnly && !hasContent)
            throw new LibraryException($"no library at {full}");

        SqliteConnection? connection = null;
        try
        {
            if (readOnly)
            {
                connection = Connect(full, SqliteOpenMode.ReadOnly);
                Check(full, SqliteFileIdentity.Of(connection), readOnly: true);
            }
            else
            {
                // Look before touching: switching to WAL rewrites header bytes, so a foreign file must be refused
                // by a connection that cannot write.
                bool current = false;
                if (hasContent)
                {
                    using SqliteConnection inspector = Connect(full, SqliteOpenMode.ReadOnly);
                    SqliteFileIdentity identity = SqliteFileIdentity.Of(inspector);
                    Check(full, identity, readOnly: false);
                    current = identity is { Kind: SqliteFileKind.Library } && identity.Version == SqliteSchema.CurrentVersion;
                }
                connection = Connect(full, SqliteOpenMode.ReadWriteCreate);
                if (!hasContent)
                    Execute(connection, null, $"PRAGMA page_size = {PageSize}");
                EnsureWal(full, connection);
                // An up-to-date library needs no write transaction, so opening it never queues behind another writer.
                if (!current)
                    SetUpSchema(full, connection);
            }
            var store = new SqliteSkillStore(full, connection, readOnly);
            using (SqliteTransaction transaction = connection.BeginTransaction(deferred: true))
                store.RefreshManifest(connection, transaction);
            return store;
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw Translate(full, e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes a new library at <paramref name="path"/> whole or not at all: it is built beside it under another name,
    /// already in WAL mode with its schema, and only then linked into place. Built in place, a process killed while
    /// it switched the new file to WAL left a rollback journal that only a writer may replay, so every reader of the
    /// library failed until one came (seen in <c>procmem bench crash</c>). Here a kill leaves only the unfinished
    /// file under its own name, which the next creation removes once its process is gone. If another process
    /// creates the library first, its library is kept.
    /// </summary>
    private static void CreateWhole(string path)
    {
        // Unique to this process and call, so that threads and processes creating the same library never share one.
        string building = $"{path}.{Environment.ProcessId}-{Interlocked.Increment(ref s_builds)}.new";
        try
        {
            RemoveUnfinishedBuilds(path);
            using (SqliteConnection connection = Connect(building, SqliteOpenMode.ReadWriteCreate))
            {
                Execute(connection, null, $"PRAGMA page_size = {PageSize}");
                EnsureWal(building, connection);
                SetUpSchema(building, connection);
            }
            // Closing the last connection checkpointed the log into the file, so the file alone is the library.
            // A move that does not overwrite is a hard link and an unlink here: atomic, and it fails if the name exists.
            File.Move(building, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the library meanwhile; theirs is as good as ours.
        }
        catch (SqliteException e)
        {
            throw Translate(path, e);
        }
        finally
        {
            DeleteWithSideFiles(building);
        }
    }

    /// <summary>Deletes the unfinished builds of <paramref name="path"/> that processes no longer running left behind.</summary>
    private static void RemoveUnfinishedBuilds(string path)
    {
        string folder = System.IO.Path.GetDirectoryName(path)!, name = System.IO.Path.GetFileName(path);
        if (!Directory.Exists(folder))
            return;
        foreach (string build in Directory.EnumerateFiles(folder, $"{name}.*.new"))
        {
            string tag = System.IO.Path.GetFileName(build)[(name.Length + 1)..^".new".Length];
            if (int.TryParse(tag.Split('-')[0], out int pid) && !IsRunning(pid))
                DeleteWithSideFiles(build);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteWithSideFiles(string path)
    {
        foreach (string suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(path + suffix))
                File.Delete(path + suffix);
    }

    /// <summary>Closes the file; afterwards it may be moved or deleted.</summary>
    protected override void Close() => _connection.Dispose();

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        // No pooling: the store holds its one connection for its lifetime, and a pooled handle would keep the file
        // open (and undeletable on some systems) after Dispose.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString());
        try
        {
            connection.Open();
            // Per-connection settings: none of them writes to the file.
            Execute(connection, null, $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Check(string path, SqliteFileIdentity identity, bool readOnly)
    {
        int current = SqliteSchema.CurrentVersion;
        string? problem = identity switch
        {
            { Kind: SqliteFileKind.Foreign, ApplicationId: 0 } => $"{path} is not a procmem library (an SQLite database of another application)",
            { Kind: SqliteFileKind.Foreign } => $"{path} is not a procmem library (an SQLite database of another application, id 0x{identity.ApplicationId:X8})",
            { Kind: SqliteFileKind.Library, Version: <= 0 } => $"{path} is a damaged procmem library (it has no schema version)",
            { Kind: SqliteFileKind.Library } when identity.Version > current =>
                $"{path} was written by a newer procmem (schema {identity.Version}, this build reads up to {current})",
            { Kind: SqliteFileKind.Library } when identity.Version < current && readOnly =>
                $"{path} has library schema {identity.Version}; open it once for writing (procmem skills upgrade does) to upgrade it to schema {current}",
            { Kind: SqliteFileKind.Blank } when readOnly => $"no library at {path}",
            _ => null,
        };
        if (problem is not null)
            throw new LibraryException(problem);
    }

    private static void EnsureWal(string path, SqliteConnection connection)
    {
        if (string.Equals(Convert.ToString(Scalar(connection, null, "PRAGMA journal_mode")), "wal", StringComparison.OrdinalIgnoreCase))
            return;
        string mode = Convert.ToString(Scalar(connection, null, "PRAGMA journal_mode = WAL")) ?? "";
        if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            throw new LibraryException($"{path} cannot use write-ahead logging (journal mode stays '{mode}')");
    }

    private static void SetUpSchema(string path, SqliteConnection connection)
    {
        // Another process may have created or upgraded the file since it was inspected: decide again under the write lock.
        using SqliteTransaction transaction = connection.BeginTransaction();
        SqliteFileIdentity identity = SqliteFileIdentity.Of(connection, transaction);
        Check(path, identity, readOnly: false);
        int from = identity.Kind == SqliteFileKind.Library ? identity.Version : 0;
        if (from == SqliteSchema.CurrentVersion)
            return;
        if (from == 0)
            Execute(connection, transaction, $"PRAGMA application_id = {SqliteSchema.ApplicationId}");
        foreach (SqliteMigration migration in SqliteSchema.Migrations.Where(m => m.Version > from))
        {
            Execute(connection, transaction, migration.Sql);
            using SqliteCommand record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description) VALUES ($version, $description)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection, turning SQLite's errors into one-line library errors.</summary>
    protected override T Run<T>(Func<DbConnection, T> work)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            try
            {
                return work(_connection);
            }
            catch (SqliteException e)
            {
                throw Translate(Path, e);
            }
        }
    }

    private static LibraryException Translate(string path, SqliteException e)
    {
        string reason = e.Message.ReplaceLineEndings(" ");
        string message = (e.SqliteErrorCode & 0xFF) switch
        {
            SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB => $"{path} is corrupt ({reason})",
            SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED => $"{path} stayed locked by another process for over {BusyTimeoutSeconds} s",
            SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM => $"{path} cannot be written ({reason})",
            SQLitePCL.raw.SQLITE_CANTOPEN => $"cannot open {path} ({reason})",
            SQLitePCL.raw.SQLITE_FULL => $"cannot write {path}: the disk is full",
            _ => $"{path}: {reason}",
        };
        return new LibraryException(message, e);
    }
}
