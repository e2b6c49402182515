using System.Data.Common;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store.Sql;

public abstract partial class SqlSkillStore
{
    /// <inheritdoc />
    /// <exception cref="LibraryException">The database failed, or a skill's key or policy fails its checks (the message names the skill).</exception>
    public LibraryChanges ReadChanges(long sinceChange) => Run(connection =>
    {
        using DbTransaction transaction = Dialect.BeginRead(connection);
        SqlMeta meta = ReadMeta(connection, transaction, lockSuffix: "");
        ApplyManifest(meta.ManifestText);
        int episodesKept = Convert.ToInt32(Statement(connection, transaction, $"SELECT count(*) FROM {Dialect.Table("episodes")}").ExecuteScalar());
        SkillRecord[] skills = ReadSkills(connection, transaction, sinceChange);
        var outcomes = new List<OutcomeCount>();
        using (DbDataReader reader = Statement(connection, transaction, $"""
            SELECT context, payload, count FROM {Dialect.Table("outcomes")}
            WHERE change > @since ORDER BY context, payload
            """, ("since", sinceChange)).ExecuteReader())
            while (reader.Read())
                outcomes.Add(new OutcomeCount(reader.GetInt32(0), (byte[])reader.GetValue(1), reader.GetInt64(2)));
        IReadOnlyList<int> ids = sinceChange <= 0 ? Array.ConvertAll(skills, s => s.Id) : ReadSkillIds(connection, transaction);
        ContextState contexts = ReadContextState(connection, transaction, sinceChange);
        transaction.Commit();
        return new LibraryChanges(meta.Change, meta.Episodes, episodesKept, skills, outcomes, ids) { Contexts = contexts };
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The database failed, or the manifest is damaged.</exception>
    public StoredKeyModel? ReadKeyModel() => Run(connection =>
    {
        using DbTransaction transaction = Dialect.BeginRead(connection);
        string? text;
        byte[]? bytes;
        using (DbDataReader reader = Statement(connection, transaction, $"SELECT manifest, key_model FROM {Dialect.Table("meta")} WHERE singleton = 0").ExecuteReader())
        {
            if (!reader.Read())
                throw new LibraryException($"{LibraryName} is a damaged procmem library (its meta row is missing)");
            text = reader.IsDBNull(0) ? null : reader.GetString(0);
            bytes = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
        }
        transaction.Commit();
        ApplyManifest(text);
        return _manifest.Manifest is { } manifest ? new StoredKeyModel(manifest.KeyModel, manifest.EmbeddingDimension, bytes) : null;
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The database failed, or a kept demonstration is not a valid trajectory.</exception>
    public IReadOnlyList<IReadOnlyList<AgentStep>> ReadDemonstrations(int skillId) => Run(connection =>
    {
        var demonstrations = new List<IReadOnlyList<AgentStep>>();
        using DbTransaction transaction = Dialect.BeginRead(connection);
        using (DbDataReader reader = Statement(connection, transaction,
            $"SELECT id, trajectory FROM {Dialect.Table("demonstrations")} WHERE skill_id = @skill ORDER BY id", ("skill", skillId)).ExecuteReader())
            while (reader.Read())
                demonstrations.Add(TrajectoryCodec.DecodeStored(reader.GetFieldValue<byte[]>(1), $"demonstration {reader.GetInt64(0)} of skill {skillId} in {LibraryName}"));
        transaction.Commit();
        return demonstrations;
    });

    /// <inheritdoc />
    /// <exception cref="LibraryException">The database failed, or a kept episode is not a valid trajectory.</exception>
    public IReadOnlyList<EpisodeRecord> ReadEpisodes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Run(connection =>
        {
            var episodes = new List<EpisodeRecord>();
            using DbTransaction transaction = Dialect.BeginRead(connection);
            using (DbDataReader reader = Statement(connection, transaction, $"""
                SELECT id, environment, layout_seed, episode_return, success, trajectory FROM {Dialect.Table("episodes")}
                ORDER BY id DESC LIMIT @count
                """, ("count", count)).ExecuteReader())
                while (reader.Read())
                    episodes.Add(new EpisodeRecord(reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetBoolean(4),
                        TrajectoryCodec.DecodeStored(reader.GetFieldValue<byte[]>(5), $"episode {reader.GetInt64(0)} in {LibraryName}")));
            transaction.Commit();
            episodes.Reverse();
            return episodes;
        });
    }

    /// <summary>Reads the skills written after <paramref name="sinceChange"/> and checks each one's key and policy (its checksum included).</summary>
    private SkillRecord[] ReadSkills(DbConnection connection, DbTransaction transaction, long sinceChange)
    {
        string columns = Dialect.PoliciesInSkillTable
            ? $"""
                SELECT s.id, s.name, s.pre_mask, s.pre_values, s.effect_mask, s.effect_values, s.key_vector, s.step_limit,
                       s.uses, s.successes, s.demonstrations, s.created_episode, s.change, s.policy_kind, s.policy_checksum, s.policy,
                       s.retired_episode, s.retired_reason, s.trial_start_uses, s.trial_start_successes, s.variant
                FROM {Dialect.Table("skills")} AS s
                """
            : $"""
                SELECT s.id, s.name, s.pre_mask, s.pre_values, s.effect_mask, s.effect_values, s.key_vector, s.step_limit,
                       s.uses, s.successes, s.demonstrations, s.created_episode, s.change, p.kind, p.checksum, p.data,
                       s.retired_episode, s.retired_reason, s.trial_start_uses, s.trial_start_successes, s.variant
                FROM {Dialect.Table("skills")} AS s LEFT JOIN {Dialect.Table("policies")} AS p ON p.skill_id = s.id
                """;
        // A full load reads every row in id order without the change index (a range over all of it would only add a sort).
        DbCommand query = sinceChange <= 0
            ? Statement(connection, transaction, columns + " ORDER BY s.id")
            : Statement(connection, transaction, columns + " WHERE s.change > @since ORDER BY s.id", ("since", sinceChange));
        var checker = new SkillRowChecker(_manifest.Manifest?.EmbeddingDimension ?? -1);
        using (DbDataReader reader = query.ExecuteReader())
            while (reader.Read())
                checker.Add(ReadRow(reader));
        return checker.Finish(LibraryName);
    }

    /// <summary>The per-context lifecycle's rows written after <paramref name="sinceChange"/> (schema 7), centroids checked.</summary>
    private ContextState ReadContextState(DbConnection connection, DbTransaction transaction, long sinceChange)
    {
        var contexts = new List<StoredContext>();
        int dimension = _manifest.Manifest?.EmbeddingDimension ?? -1;
        using (DbDataReader reader = Statement(connection, transaction, $"""
            SELECT number, centroid, max_contexts, similarity FROM {Dialect.Table("contexts")} WHERE change > @since ORDER BY number
            """, ("since", sinceChange)).ExecuteReader())
            while (reader.Read())
            {
                float[] centroid;
                try
                {
                    centroid = KeyCodec.Decode(reader.GetFieldValue<byte[]>(1), dimension);
                }
                catch (InvalidDataException e)
                {
                    throw new LibraryException($"{LibraryName} is damaged: context {reader.GetInt32(0)}: {e.Message}", e);
                }
                contexts.Add(new StoredContext(reader.GetInt32(0), centroid, reader.GetInt32(2), reader.GetFloat(3)));
            }
        var counts = new List<ContextCount>();
        using (DbDataReader reader = Statement(connection, transaction, $"""
            SELECT skill_id, context, uses, successes FROM {Dialect.Table("skill_contexts")} WHERE change > @since ORDER BY skill_id, context
            """, ("since", sinceChange)).ExecuteReader())
            while (reader.Read())
                counts.Add(new ContextCount(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        var splits = new List<StoredSplit>();
        using (DbDataReader reader = Statement(connection, transaction, $"""
            SELECT skill_id, context, variant_id, episode, reason FROM {Dialect.Table("skill_splits")} WHERE change > @since ORDER BY skill_id, context
            """, ("since", sinceChange)).ExecuteReader())
            while (reader.Read())
                splits.Add(new StoredSplit(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.GetInt64(3), reader.GetString(4)));
        return new ContextState { Contexts = contexts, Counts = counts, Splits = splits };
    }

    private static SkillRow ReadRow(DbDataReader reader)
    {
        bool hasPolicy = !reader.IsDBNull(13);
        return new SkillRow(
            reader.GetInt64(0), reader.GetString(1),
            new FactCondition(Bits(reader.GetInt64(2)), Bits(reader.GetInt64(3))),
            new FactCondition(Bits(reader.GetInt64(4)), Bits(reader.GetInt64(5))),
            reader.GetFieldValue<byte[]>(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10),
            reader.GetInt64(11), reader.GetInt64(12),
            hasPolicy ? reader.GetString(13) : null, hasPolicy ? reader.GetInt64(14) : 0, hasPolicy ? reader.GetFieldValue<byte[]>(15) : null,
            reader.IsDBNull(16) ? null : reader.GetInt64(16), reader.IsDBNull(17) ? null : reader.GetString(17), reader.GetInt64(18), reader.GetInt64(19),
            reader.IsDBNull(20) ? null : reader.GetString(20));
    }

    private int[] ReadSkillIds(DbConnection connection, DbTransaction transaction)
    {
        var ids = new List<int>();
        using DbDataReader reader = Statement(connection, transaction, $"SELECT id FROM {Dialect.Table("skills")} ORDER BY id").ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetInt32(0));
        return [.. ids];
    }
}
