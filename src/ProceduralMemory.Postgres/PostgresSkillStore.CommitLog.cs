using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using ProceduralMemory.Memory.Store.Sql;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    /// <summary>How many of a client's latest write results are kept (only the latest can still be retried: an instance writes one at a time).</summary>
    private const int KeptPerClient = 4;

    /// <summary>Every this many writes, an instance also drops the results of clients gone for a day.</summary>
    private const int ForgetAbandonedEvery = 100;

    private long? _clientId;

    /// <summary>
    /// The logged result of write <paramref name="sequence"/>, if an earlier attempt committed it (its connection died
    /// during <c>COMMIT</c>, so the client never heard). In READ COMMITTED each statement sees what committed before it
    /// began: the lookup runs after the meta row's lock is granted, so it sees an attempt that committed while this one waited.
    /// </summary>
    protected override SqlWriteOutcome? FindFinished(DbConnection connection, DbTransaction transaction, long sequence)
    {
        var npgsql = (NpgsqlConnection)connection;
        long client = _clientId ??= NextClientId(npgsql, (NpgsqlTransaction)transaction);
        using NpgsqlCommand command = new("SELECT change, skill_ids, created FROM procmem.commit_log WHERE client = @client AND sequence = @sequence",
            npgsql, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("client", client);
        command.Parameters.AddWithValue("sequence", sequence);
        using NpgsqlDataReader reader = command.ExecuteReader();
        return reader.Read()
            ? new SqlWriteOutcome(reader.GetInt64(0), reader.GetFieldValue<int[]>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<bool[]>(2))
            : null;
    }

    /// <summary>Logs write <paramref name="sequence"/> in its own transaction, and forgets this client's older writes (and, now and then, abandoned clients').</summary>
    protected override void RecordFinished(List<SqlStatement> statements, long sequence, SqlWriteOutcome outcome)
    {
        long client = _clientId!.Value;
        statements.Add(new SqlStatement("INSERT INTO procmem.commit_log (client, sequence, change, skill_ids, created) VALUES (@client, @sequence, @change, @ids, @created)",
            ("client", client), ("sequence", sequence), ("change", outcome.Change), ("ids", outcome.Ids),
            new SqlValue("created", new NpgsqlParameter("created", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = (object?)outcome.Created ?? DBNull.Value })));
        statements.Add(new SqlStatement("DELETE FROM procmem.commit_log WHERE client = @client AND sequence <= @oldest",
            ("client", client), ("oldest", sequence - KeptPerClient)));
        if (sequence % ForgetAbandonedEvery == 1)
            statements.Add(new SqlStatement("DELETE FROM procmem.commit_log WHERE recorded_at < now() - interval '1 day'"));
    }

    private static long NextClientId(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using NpgsqlCommand command = new("SELECT nextval('procmem.client_ids')", connection, transaction);
        return (long)command.ExecuteScalar()!;
    }
}
