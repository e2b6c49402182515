using System.Data;
using Npgsql;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    private const string MetaSql = "SELECT manifest, next_skill_id, episodes, change FROM procmem.meta WHERE singleton = 0";

    private const string SkillColumns = """
        SELECT id, name, pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit,
               uses, successes, demonstrations, created_episode, change, policy_kind, policy_checksum, policy
        FROM procmem.skills
        """;

    private const string OutcomesSinceSql = """
        SELECT context, action, moved_forward, moved_right, turns, flipped_facts, count FROM procmem.outcomes
        WHERE change > @since ORDER BY context, action, moved_forward, moved_right, turns, flipped_facts
        """;

    /// <summary>The library's counters: the manifest's text, the next skill id, the episode count and the change number.</summary>
    private readonly record struct Meta(string? ManifestText, long NextSkillId, long Episodes, long Change);

    /// <inheritdoc />
    /// <exception cref="LibraryException">The server stayed unreachable, or a skill's key or policy fails its checks (the message names the skill).</exception>
    public LibraryChanges ReadChanges(long sinceChange) => Run(connection =>
    {
        // One snapshot for every statement, sent in one round trip.
        using NpgsqlTransaction transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(MetaSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM procmem.episodes"));
        var skills = new NpgsqlBatchCommand(SkillColumns + (sinceChange <= 0 ? " ORDER BY id" : " WHERE change > @since ORDER BY id"));
        if (sinceChange > 0)
            skills.Parameters.AddWithValue("since", sinceChange);
        batch.BatchCommands.Add(skills);
        var outcomes = new NpgsqlBatchCommand(OutcomesSinceSql);
        outcomes.Parameters.AddWithValue("since", sinceChange);
        batch.BatchCommands.Add(outcomes);
        if (sinceChange > 0)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT id FROM procmem.skills ORDER BY id"));

        Meta meta;
        int episodesKept;
        SkillRecord[] records;
        var outcomeCounts = new List<OutcomeCount>();
        var ids = new List<int>();
        using (NpgsqlDataReader reader = batch.ExecuteReader())
        {
            meta = ReadMeta(reader);
            ApplyManifest(meta.ManifestText);
            reader.NextResult();
            reader.Read();
            episodesKept = (int)reader.GetInt64(0);
            reader.NextResult();
            var checker = new SkillRowChecker(_manifest.Manifest?.EmbeddingDimension ?? -1);
            while (reader.Read())
                checker.Add(ReadSkillRow(reader));
            records = checker.Finish(Location);
            reader.NextResult();
            while (reader.Read())
                outcomeCounts.Add(new OutcomeCount(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                    reader.GetInt32(4), Bits(reader.GetInt64(5)), reader.GetInt64(6)));
            if (reader.NextResult())
                while (reader.Read())
                    ids.Add(reader.GetInt32(0));
        }
        transaction.Commit();
        IReadOnlyList<int> skillIds = sinceChange <= 0 ? Array.ConvertAll(records, s => s.Id) : ids;
        return new LibraryChanges(meta.Change, meta.Episodes, episodesKept, records, outcomeCounts, skillIds);
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The server stayed unreachable, or a kept demonstration is not a valid trajectory.</exception>
    public IReadOnlyList<IReadOnlyList<AgentStep>> ReadDemonstrations(int skillId) => Run(connection =>
    {
        var demonstrations = new List<IReadOnlyList<AgentStep>>();
        using NpgsqlCommand query = new("SELECT id, trajectory FROM procmem.demonstrations WHERE skill_id = @skill ORDER BY id", connection);
        query.Parameters.AddWithValue("skill", skillId);
        using NpgsqlDataReader reader = query.ExecuteReader();
        while (reader.Read())
            demonstrations.Add(TrajectoryCodec.DecodeStored(reader.GetFieldValue<byte[]>(1), $"demonstration {reader.GetInt64(0)} of skill {skillId} in {Location}"));
        return demonstrations;
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The server stayed unreachable, or a kept episode is not a valid trajectory.</exception>
    public IReadOnlyList<EpisodeRecord> ReadEpisodes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Run(connection =>
        {
            var episodes = new List<EpisodeRecord>();
            using NpgsqlCommand query = new("""
                SELECT id, environment, layout_seed, episode_return, success, trajectory FROM procmem.episodes
                ORDER BY id DESC LIMIT @count
                """, connection);
            query.Parameters.AddWithValue("count", count);
            using (NpgsqlDataReader reader = query.ExecuteReader())
                while (reader.Read())
                    episodes.Add(new EpisodeRecord(reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetBoolean(4),
                        TrajectoryCodec.DecodeStored(reader.GetFieldValue<byte[]>(5), $"episode {reader.GetInt64(0)} in {Location}")));
            episodes.Reverse();
            return episodes;
        });
    }

    /// <summary>The meta row from a query of <see cref="MetaSql"/> (or the same columns locked).</summary>
    private Meta ReadMeta(NpgsqlCommand command)
    {
        using NpgsqlDataReader reader = command.ExecuteReader();
        return ReadMeta(reader);
    }

    private Meta ReadMeta(NpgsqlDataReader reader)
    {
        if (!reader.Read())
            throw new LibraryException($"{Location} is a damaged procmem library (its meta row is missing)");
        return new Meta(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static SkillRow ReadSkillRow(NpgsqlDataReader reader) => new(
        reader.GetInt32(0), reader.GetString(1),
        new FactCondition(Bits(reader.GetInt64(2)), Bits(reader.GetInt64(3))),
        new FactCondition(Bits(reader.GetInt64(4)), Bits(reader.GetInt64(5))),
        reader.GetFieldValue<byte[]>(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10),
        reader.GetInt64(11), reader.GetInt64(12), reader.GetString(13), reader.GetInt64(14), reader.GetFieldValue<byte[]>(15));


    private static long Bits(ulong value) => unchecked((long)value);

    private static ulong Bits(long value) => unchecked((ulong)value);
}
