using Microsoft.Data.Sqlite;

namespace ProceduralMemory.Sqlite;

public sealed partial class SqliteSkillStore
{
    // Commands are kept per SQL text so that each statement is compiled once per connection, not once per row.
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    /// <summary>The cached command for <paramref name="sql"/>, enlisted in <paramref name="transaction"/>, with no parameters.</summary>
    private SqliteCommand Statement(string sql, SqliteTransaction transaction)
    {
        if (!_statements.TryGetValue(sql, out SqliteCommand? command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _statements.Add(sql, command);
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    private void DisposeStatements()
    {
        foreach (SqliteCommand command in _statements.Values)
            command.Dispose();
        _statements.Clear();
    }

    /// <summary>The store's counters: the manifest's text, the next skill id, the episode count and the change number.</summary>
    private readonly record struct Meta(string? ManifestText, long NextSkillId, long Episodes, long Change);

    private Meta ReadMeta(SqliteTransaction transaction)
    {
        SqliteCommand command = Statement("SELECT manifest, next_skill_id, episodes, change FROM meta WHERE singleton = 0", transaction);
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
            throw new Memory.Store.LibraryException($"{Path} is a damaged procmem library (its meta row is missing)");
        return new Meta(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static long Bits(ulong value) => unchecked((long)value);

    private static ulong Bits(long value) => unchecked((ulong)value);
}
