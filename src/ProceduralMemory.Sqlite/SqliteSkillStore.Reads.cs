using Microsoft.Data.Sqlite;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Sqlite;

public sealed partial class SqliteSkillStore
{
    private const string SkillColumns = """
        SELECT s.id, s.name, s.pre_mask, s.pre_values, s.effect_mask, s.effect_values, s.key_vector, s.step_limit,
               s.uses, s.successes, s.demonstrations, s.created_episode, s.change, p.kind, p.checksum, p.data
        FROM skills AS s LEFT JOIN policies AS p ON p.skill_id = s.id
        """;

    /// <inheritdoc />
    /// <exception cref="LibraryException">The file is corrupt, or a skill's key or policy fails its checks (the message names the skill).</exception>
    public LibraryChanges ReadChanges(long sinceChange) => Guarded(() =>
    {
        SkillRecord[] skills;
        var outcomes = new List<OutcomeCount>();
        IReadOnlyList<int> ids;
        Meta meta;
        int episodesKept;
        using (SqliteTransaction transaction = _connection.BeginTransaction(deferred: true))
        {
            meta = ReadMeta(transaction);
            ApplyManifest(meta.ManifestText);
            episodesKept = Convert.ToInt32(Statement("SELECT count(*) FROM episodes", transaction).ExecuteScalar());
            skills = ReadSkills(transaction, sinceChange);

            SqliteCommand outcomeQuery = Statement("""
                SELECT context, action, moved_forward, moved_right, turns, flipped_facts, count FROM outcomes
                WHERE change > $since ORDER BY context, action, moved_forward, moved_right, turns, flipped_facts
                """, transaction);
            outcomeQuery.Parameters.AddWithValue("$since", sinceChange);
            using (SqliteDataReader reader = outcomeQuery.ExecuteReader())
                while (reader.Read())
                    outcomes.Add(new OutcomeCount(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                        reader.GetInt32(4), Bits(reader.GetInt64(5)), reader.GetInt64(6)));

            ids = sinceChange <= 0 ? Array.ConvertAll(skills, s => s.Id) : ReadSkillIds(transaction);
            transaction.Commit();
        }
        return new LibraryChanges(meta.Change, meta.Episodes, episodesKept, skills, outcomes, ids);
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The file is corrupt, or a kept demonstration is not a valid trajectory.</exception>
    public IReadOnlyList<IReadOnlyList<AgentStep>> ReadDemonstrations(int skillId) => Guarded(() =>
    {
        var demonstrations = new List<IReadOnlyList<AgentStep>>();
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: true);
        SqliteCommand query = Statement("SELECT id, trajectory FROM demonstrations WHERE skill_id = $skill ORDER BY id", transaction);
        query.Parameters.AddWithValue("$skill", skillId);
        using (SqliteDataReader reader = query.ExecuteReader())
            while (reader.Read())
                demonstrations.Add(TrajectoryCodec.DecodeStored(reader.GetFieldValue<byte[]>(1), $"demonstration {reader.GetInt64(0)} of skill {skillId} in {Path}"));
        transaction.Commit();
        return demonstrations;
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The file is corrupt, or a kept episode is not a valid trajectory.</exception>
    public IReadOnlyList<EpisodeRecord> ReadEpisodes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Guarded(() =>
        {
            var episodes = new List<EpisodeRecord>();
            using SqliteTransaction transaction = _connection.BeginTransaction(deferred: true);
            SqliteCommand query = Statement("""
                SELECT id, environment, layout_seed, episode_return, success, trajectory FROM episodes
                ORDER BY id DESC LIMIT $count
                """, transaction);
            query.Parameters.AddWithValue("$count", count);
            using (SqliteDataReader reader = query.ExecuteReader())
                while (reader.Read())
                    episodes.Add(new EpisodeRecord(reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetBoolean(4),
                        TrajectoryCodec.DecodeStored(reader.GetFieldValue<byte[]>(5), $"episode {reader.GetInt64(0)} in {Path}")));
            transaction.Commit();
            episodes.Reverse();
            return episodes;
        });
    }

    /// <summary>Reads the skills written after <paramref name="sinceChange"/> and checks each one's key and policy (its checksum included).</summary>
    private SkillRecord[] ReadSkills(SqliteTransaction transaction, long sinceChange)
    {
        // A full load reads every row in id order without the change index (a range over all of it would only add a sort).
        SqliteCommand query = sinceChange <= 0
            ? Statement(SkillColumns + " ORDER BY s.id", transaction)
            : Statement(SkillColumns + " WHERE s.change > $since ORDER BY s.id", transaction);
        if (sinceChange > 0)
            query.Parameters.AddWithValue("$since", sinceChange);

        var checker = new SkillRowChecker(_manifest.Manifest?.EmbeddingDimension ?? -1);
        using (SqliteDataReader reader = query.ExecuteReader())
            while (reader.Read())
                checker.Add(ReadRow(reader));
        return checker.Finish(Path);
    }

    private static SkillRow ReadRow(SqliteDataReader reader)
    {
        bool hasPolicy = !reader.IsDBNull(13);
        return new SkillRow(
            reader.GetInt64(0), reader.GetString(1),
            new FactCondition(Bits(reader.GetInt64(2)), Bits(reader.GetInt64(3))),
            new FactCondition(Bits(reader.GetInt64(4)), Bits(reader.GetInt64(5))),
            reader.GetFieldValue<byte[]>(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10),
            reader.GetInt64(11), reader.GetInt64(12),
            hasPolicy ? reader.GetString(13) : null, hasPolicy ? reader.GetInt64(14) : 0, hasPolicy ? reader.GetFieldValue<byte[]>(15) : null);
    }

    private int[] ReadSkillIds(SqliteTransaction transaction)
    {
        var ids = new List<int>();
        using SqliteDataReader reader = Statement("SELECT id FROM skills ORDER BY id", transaction).ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetInt32(0));
        return [.. ids];
    }

}
