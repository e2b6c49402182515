using System.Data.Common;

namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>
/// A skill store in an SQL database, written once over ADO.NET: the commit sequence (id allocation, upserts on
/// preconditions and effect, counter increments, outcomes, episode numbers, trims), reads and pruning. A backend
/// supplies its <see cref="ISqlDialect"/>, a connection for each operation (<see cref="Run{T}"/>, which also turns
/// its driver's errors into <see cref="LibraryException"/>s) and what is its own: opening, schema, file or server care.
/// </summary>
/// <remarks>
/// An instance serialises its callers under one lock. It does not retry: compose a retry with
/// <see cref="SkillStoreRetry.UseRetry(ISkillStore, Polly.ResiliencePipeline)"/>. A backend that can lose a commit's
/// answer (a connection cut during <c>COMMIT</c>) keeps a log of finished writes (<see cref="FindFinished"/>,
/// <see cref="RecordFinished"/>): a write called again with the same commit or rule object, right after it failed,
/// keeps its sequence number, so a retry returns the logged result instead of applying it twice.
/// </remarks>
public abstract partial class SqlSkillStore : ISkillStore
{
    private readonly ManifestCache _manifest = new();
    // Commands kept per SQL text, so that a statement is compiled once per connection rather than once per row.
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);

    /// <param name="dialect">What differs in the backend's SQL.</param>
    /// <param name="name">How messages name the library (a path, or a server and database without the password).</param>
    /// <param name="readOnly">Whether every write throws.</param>
    protected SqlSkillStore(ISqlDialect dialect, string name, bool readOnly)
    {
        Dialect = dialect;
        LibraryName = name;
        IsReadOnly = readOnly;
    }

    /// <summary>What differs in the backend's SQL.</summary>
    protected ISqlDialect Dialect { get; }

    /// <summary>How messages name the library.</summary>
    protected string LibraryName { get; }

    /// <summary>The lock every operation of the instance runs under.</summary>
    protected object Gate { get; } = new();

    /// <inheritdoc />
    public LibraryManifest? Manifest
    {
        get
        {
            lock (Gate)
                return _manifest.Manifest;
        }
    }

    /// <inheritdoc />
    public bool IsReadOnly { get; }

    /// <summary>
    /// Runs <paramref name="work"/> once, alone on the instance (under <see cref="Gate"/>), on an open connection,
    /// turning the driver's errors into one-line <see cref="LibraryException"/>s.
    /// </summary>
    protected abstract T Run<T>(Func<DbConnection, T> work);

    /// <summary>True once the store is disposed (read it under <see cref="Gate"/>).</summary>
    protected bool IsDisposed { get; private set; }

    /// <summary>Closes the store; afterwards every operation throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (IsDisposed)
                return;
            IsDisposed = true;
            foreach (DbCommand command in _statements.Values)
                command.Dispose();
            _statements.Clear();
            Close();
        }
    }

    /// <summary>Closes the backend's connections (once, under <see cref="Gate"/>, after the kept commands are disposed).</summary>
    protected abstract void Close();

    /// <summary>Reads the meta row on <paramref name="connection"/> (outside any transaction) and takes its manifest.</summary>
    protected void RefreshManifest(DbConnection connection, DbTransaction? transaction) =>
        ApplyManifest(ReadMeta(connection, transaction, lockSuffix: "").ManifestText);

    private void ApplyManifest(string? text) => _manifest.Apply(text, LibraryName);

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
            throw new LibraryException($"library opened read-only ({LibraryName})");
    }

    /// <summary>The kept command for <paramref name="sql"/> on <paramref name="connection"/>, enlisted in <paramref name="transaction"/>, with <paramref name="parameters"/>.</summary>
    private DbCommand Statement(DbConnection connection, DbTransaction? transaction, string sql, params SqlValue[] parameters)
    {
        if (!_statements.TryGetValue(sql, out DbCommand? command) || command.Connection != connection)
        {
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
            _statements[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (SqlValue value in parameters)
            value.AddTo(command.Parameters, command.CreateParameter);
        return command;
    }

    /// <summary>
    /// Runs <paramref name="statements"/> in order, in one round trip where the driver batches; returns the rows
    /// each affected. A counter pushed out of range is reported as <paramref name="describe"/> names the statement.
    /// </summary>
    private int[] ExecuteAll(DbConnection connection, DbTransaction transaction, IReadOnlyList<SqlStatement> statements, Func<int, string> describe)
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
            return affected;
        int current = -1;
        try
        {
            if (connection.CanCreateBatch)
            {
                using DbBatch batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (SqlStatement statement in statements)
                {
                    DbBatchCommand command = batch.CreateBatchCommand();
                    command.CommandText = statement.Sql;
                    foreach (SqlValue value in statement.Parameters)
                        value.AddTo(command.Parameters, command.CreateParameter);
                    batch.BatchCommands.Add(command);
                }
                try
                {
                    batch.ExecuteNonQuery();
                }
                catch (DbException e)
                {
                    current = e.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) : -1;
                    throw;
                }
                for (int i = 0; i < statements.Count; i++)
                    affected[i] = batch.BatchCommands[i].RecordsAffected;
                return affected;
            }
            for (current = 0; current < statements.Count; current++)
                affected[current] = Statement(connection, transaction, statements[current].Sql, statements[current].Parameters).ExecuteNonQuery();
            return affected;
        }
        catch (DbException e) when (Dialect.IsCounterOverflow(e))
        {
            throw CountersOverflow(current < 0 || current >= statements.Count ? "a statement" : describe(current), e);
        }
    }

    private LibraryException CountersOverflow(string what, DbException e) =>
        new($"invalid commit: {what} would leave counters outside 0 <= successes <= uses <= {int.MaxValue} in {LibraryName}", e);

    private SqlMeta ReadMeta(DbConnection connection, DbTransaction? transaction, string lockSuffix)
    {
        using DbDataReader reader = Statement(connection, transaction,
            $"SELECT manifest, next_skill_id, episodes, change FROM {Dialect.Table("meta")} WHERE singleton = 0{lockSuffix}").ExecuteReader();
        if (!reader.Read())
            throw new LibraryException($"{LibraryName} is a damaged procmem library (its meta row is missing)");
        return new SqlMeta(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static long Bits(ulong value) => unchecked((long)value);

    private static ulong Bits(long value) => unchecked((ulong)value);
}
