using System.Data;
using Npgsql;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    /// <summary>How many of a client's latest write results are kept (only the latest can still be retried: an instance writes one at a time).</summary>
    private const int KeptPerClient = 4;

    /// <summary>Every this many writes, an instance also drops the results of clients gone for a day.</summary>
    private const int ForgetAbandonedEvery = 100;

    private long? _clientId;
    private long _sequence;

    /// <summary>What a write did, as recorded in <c>commit_log</c>: its change number, skill ids, and for a commit whether each was created.</summary>
    private readonly record struct LogEntry(long Change, int[] Ids, bool[]? Created);

    /// <summary>
    /// Runs a write exactly once, however often it is retried. It gets a sequence number before the first attempt;
    /// each attempt locks the meta row, and returns the logged result if an earlier attempt of the same write
    /// committed (its connection died during <c>COMMIT</c>, so the client never heard). Otherwise
    /// <paramref name="apply"/> writes (statements that return nothing go into the final batch it is given) and the
    /// result is logged in the same transaction.
    /// </summary>
    private T WriteOnce<T>(string action, Func<NpgsqlConnection, NpgsqlTransaction, Meta, NpgsqlBatch, (T Result, LogEntry Entry)> apply,
        Func<LogEntry, T> replay)
    {
        lock (_gate)
        {
            long sequence = ++_sequence;
            return Run(connection =>
            {
                using NpgsqlTransaction transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
                long client = _clientId ??= NextClientId(connection, transaction);
                Meta meta;
                LogEntry? logged = null;
                // In READ COMMITTED each statement sees what committed before it began: the log lookup runs after the
                // lock is granted, so it sees an earlier attempt that committed while this one waited.
                using (var first = new NpgsqlBatch(connection, transaction))
                {
                    first.BatchCommands.Add(new NpgsqlBatchCommand(MetaSql + " FOR UPDATE"));
                    first.BatchCommands.Add(Command("SELECT change, skill_ids, created FROM procmem.commit_log WHERE client = @client AND sequence = @sequence",
                        ("client", client), ("sequence", sequence)));
                    using NpgsqlDataReader reader = first.ExecuteReader();
                    meta = ReadMeta(reader);
                    reader.NextResult();
                    if (reader.Read())
                        logged = new LogEntry(reader.GetInt64(0), reader.GetFieldValue<int[]>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<bool[]>(2));
                }
                ApplyManifest(meta.ManifestText);
                if (logged is { } entry)
                    return replay(entry);
                if (_manifest.Manifest is null)
                    throw new LibraryException($"{Location} holds no library yet: create it before {action}");

                using var last = new NpgsqlBatch(connection, transaction);
                (T result, LogEntry made) = apply(connection, transaction, meta, last);
                last.BatchCommands.Add(Command("INSERT INTO procmem.commit_log (client, sequence, change, skill_ids, created) VALUES (@client, @sequence, @change, @ids, @created)",
                    ("client", client), ("sequence", sequence), ("change", made.Change), ("ids", made.Ids)));
                last.BatchCommands[^1].Parameters.Add(Nullable("created", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Boolean, made.Created));
                last.BatchCommands.Add(Command("DELETE FROM procmem.commit_log WHERE client = @client AND sequence <= @oldest",
                    ("client", client), ("oldest", sequence - KeptPerClient)));
                if (sequence % ForgetAbandonedEvery == 1)
                    last.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM procmem.commit_log WHERE recorded_at < now() - interval '1 day'"));
                last.ExecuteNonQuery();
                transaction.Commit();
                return result;
            });
        }
    }

    private static long NextClientId(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using NpgsqlCommand command = new("SELECT nextval('procmem.client_ids')", connection, transaction);
        return (long)command.ExecuteScalar()!;
    }
}
