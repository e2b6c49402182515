using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Sqlite;

public sealed partial class SqliteSkillStore
{
    private const string UpsertSkillSql = """
        INSERT INTO skills (id, name, pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit,
                            uses, successes, demonstrations, created_episode, change)
        VALUES ($id, $name, $pre_mask, $pre_values, $effect_mask, $effect_values, $key, $step_limit,
                $uses, $successes, $demonstrations, $created_episode, $change)
        ON CONFLICT (pre_mask, pre_values, effect_mask, effect_values) DO UPDATE SET
            uses = uses + excluded.uses,
            successes = successes + excluded.successes,
            demonstrations = demonstrations + excluded.demonstrations,
            change = excluded.change
        RETURNING id
        """;

    // Names other skills hold that a new skill named $name would clash with ("x", "x#2", ...); the skill with the
    // same preconditions and effect is left out, since the new one merges into it and keeps its name.
    private const string TakenNamesSql = """
        SELECT name FROM skills
        WHERE (name = $name OR substr(name, 1, length($prefix)) = $prefix)
          AND NOT (pre_mask = $pre_mask AND pre_values = $pre_values AND effect_mask = $effect_mask AND effect_values = $effect_values)
        """;

    private const string InsertPolicySql =
        "INSERT INTO policies (skill_id, kind, shape, checksum, data) VALUES ($skill, $kind, $shape, $checksum, $data)";

    private const string ReplacePolicySql =
        "UPDATE policies SET kind = $kind, shape = $shape, checksum = $checksum, data = $data WHERE skill_id = $skill";

    private const string UpdateSkillSql = """
        UPDATE skills SET
            uses = uses + $uses,
            successes = successes + $successes,
            demonstrations = demonstrations + $demonstrations,
            key_vector = coalesce($key, key_vector),
            step_limit = coalesce($step_limit, step_limit),
            change = $change
        WHERE id = $id
        """;

    private const string InsertDemonstrationSql = "INSERT INTO demonstrations (skill_id, trajectory) VALUES ($skill, $trajectory)";

    // Everything older than the newest $keep of one skill's demonstrations (NULL, deleting nothing, when there are fewer).
    private const string TrimDemonstrationsSql = """
        DELETE FROM demonstrations WHERE skill_id = $skill AND id <=
            (SELECT id FROM demonstrations WHERE skill_id = $skill ORDER BY id DESC LIMIT 1 OFFSET $keep)
        """;

    private const string AddOutcomeSql = """
        INSERT INTO outcomes (context, action, moved_forward, moved_right, turns, flipped_facts, count, change)
        VALUES ($context, $action, $forward, $right, $turns, $flipped, $count, $change)
        ON CONFLICT DO UPDATE SET count = count + excluded.count, change = excluded.change
        """;

    private const string InsertEpisodeSql = """
        INSERT INTO episodes (id, environment, layout_seed, episode_return, success, trajectory, change)
        VALUES ($id, $environment, $seed, $return, $success, $trajectory, $change)
        """;

    private const string TrimEpisodesSql =
        "DELETE FROM episodes WHERE id <= (SELECT id FROM episodes ORDER BY id DESC LIMIT 1 OFFSET $keep)";

    private const string UpdateMetaSql =
        "UPDATE meta SET next_skill_id = $next, episodes = $episodes, change = $change WHERE singleton = 0";

    /// <inheritdoc />
    /// <exception cref="LibraryException">The store is read-only, or already holds a library.</exception>
    public LibraryManifest Create(LibraryManifest manifest)
    {
        string text = ManifestJson.Write(manifest);
        ThrowIfReadOnly();
        Guarded(() =>
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            Meta meta = ReadMeta(transaction);
            if (meta.ManifestText is not null)
            {
                ApplyManifest(meta.ManifestText);
                return true;
            }
            SqliteCommand command = Statement("UPDATE meta SET manifest = $manifest, change = change + 1 WHERE singleton = 0", transaction);
            command.Parameters.AddWithValue("$manifest", text);
            command.ExecuteNonQuery();
            transaction.Commit();
            ApplyManifest(text);
            return true;
        });
        return Manifest!;
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">
    /// The store is read-only or holds no library yet, or the commit is invalid (a key of the wrong length or not
    /// finite, a negative count, successes above uses, an unreadable policy or trajectory); nothing is written.
    /// </exception>
    public CommitResult Commit(LibraryCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ThrowIfReadOnly();
        CommitPlan plan = CommitPlan.Of(commit);
        return Guarded(() =>
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            Meta meta = ReadMeta(transaction);
            ApplyManifest(meta.ManifestText);
            if (_manifest.Manifest is null)
                throw new LibraryException($"{Path} holds no library yet: create it before committing");
            plan.CheckKeys(_manifest.Manifest.EmbeddingDimension);
            plan.CheckRestoreTarget(meta.NextSkillId, Path);

            long change = meta.Change + 1;
            long episodesBefore = plan.EpisodesBefore(meta.Episodes);
            long episodes = episodesBefore + plan.Episodes.Count;
            long nextId = meta.NextSkillId;
            var touched = new HashSet<long>();
            var results = new List<(int Id, bool Created)>(plan.NewSkills.Count);

            for (int i = 0; i < plan.NewSkills.Count; i++)
            {
                CommitPlan.Skill skill = plan.NewSkills[i];
                if (nextId > int.MaxValue)
                    throw new LibraryException($"{Path} has used up its skill ids");
                long wanted = plan.IdFor(i, nextId);
                skill = skill with { Record = skill.Record with { Name = UniqueName(transaction, skill.Record) } };
                long id = UpsertSkill(transaction, skill, wanted, plan.CreatedEpisodeFor(i, episodes), change, $"new skill {i} ('{skill.Record.Name}')");
                bool created = id == wanted;
                if (created)
                {
                    WritePolicy(transaction, InsertPolicySql, id, skill.Policy);
                    nextId = Math.Max(nextId, id + 1);
                }
                AppendDemonstrations(transaction, id, skill.Demonstrations);
                touched.Add(id);
                results.Add(((int)id, created));
            }

            foreach (CommitPlan.Update update in plan.Updates)
            {
                if (!UpdateSkill(transaction, update, change))
                    continue;
                if (update.Policy is not null)
                    WritePolicy(transaction, ReplacePolicySql, update.Change.Id, update.Policy);
                AppendDemonstrations(transaction, update.Change.Id, update.Demonstrations);
                touched.Add(update.Change.Id);
            }

            foreach (OutcomeCount outcome in commit.OutcomeIncrements)
                if (outcome.Count > 0)
                    AddOutcome(transaction, outcome, change);

            for (int i = 0; i < plan.Episodes.Count; i++)
                InsertEpisode(transaction, episodesBefore + i + 1, plan.Episodes[i], change);

            foreach (long id in touched)
            {
                SqliteCommand trim = Statement(TrimDemonstrationsSql, transaction);
                trim.Parameters.AddWithValue("$skill", id);
                trim.Parameters.AddWithValue("$keep", commit.DemonstrationsToKeep);
                trim.ExecuteNonQuery();
            }
            SqliteCommand trimEpisodes = Statement(TrimEpisodesSql, transaction);
            trimEpisodes.Parameters.AddWithValue("$keep", commit.EpisodesToKeep);
            trimEpisodes.ExecuteNonQuery();

            SqliteCommand updateMeta = Statement(UpdateMetaSql, transaction);
            updateMeta.Parameters.AddWithValue("$next", nextId);
            updateMeta.Parameters.AddWithValue("$episodes", episodes);
            updateMeta.Parameters.AddWithValue("$change", change);
            updateMeta.ExecuteNonQuery();
            transaction.Commit();
            return new CommitResult(results, change);
        });
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">The store is read-only or holds no library yet.</exception>
    public IReadOnlyList<int> Prune(PruneRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ThrowIfReadOnly();
        return Guarded<IReadOnlyList<int>>(() =>
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            Meta meta = ReadMeta(transaction);
            ApplyManifest(meta.ManifestText);
            if (_manifest.Manifest is null)
                throw new LibraryException($"{Path} holds no library yet: create it before pruning");
            // The same arithmetic as PruneRule.Selects: an integer compared with a double product, ages in integers.
            SqliteCommand delete = Statement("""
                DELETE FROM skills
                WHERE uses >= $min_uses AND successes < $min_rate * uses AND $episodes - created_episode >= $min_age
                RETURNING id
                """, transaction);
            delete.Parameters.AddWithValue("$min_uses", rule.MinUses);
            delete.Parameters.AddWithValue("$min_rate", rule.MinSuccessRate);
            delete.Parameters.AddWithValue("$episodes", meta.Episodes);
            delete.Parameters.AddWithValue("$min_age", rule.MinAgeEpisodes);
            var ids = new List<int>();
            using (SqliteDataReader reader = delete.ExecuteReader())
                while (reader.Read())
                    ids.Add(reader.GetInt32(0));
            SqliteCommand bump = Statement("UPDATE meta SET change = change + 1 WHERE singleton = 0", transaction);
            bump.ExecuteNonQuery();
            transaction.Commit();
            ids.Sort();
            return ids;
        });
    }

    private long UpsertSkill(SqliteTransaction transaction, CommitPlan.Skill skill, long id, long createdEpisode, long change, string what)
    {
        SkillRecord record = skill.Record;
        SqliteCommand command = Statement(UpsertSkillSql, transaction);
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$id", id);
        p.AddWithValue("$name", record.Name);
        p.AddWithValue("$pre_mask", Bits(record.Preconditions.Mask));
        p.AddWithValue("$pre_values", Bits(record.Preconditions.Values));
        p.AddWithValue("$effect_mask", Bits(record.Effect.Mask));
        p.AddWithValue("$effect_values", Bits(record.Effect.Values));
        p.AddWithValue("$key", skill.Key);
        p.AddWithValue("$step_limit", record.StepLimit);
        p.AddWithValue("$uses", record.Uses);
        p.AddWithValue("$successes", record.Successes);
        p.AddWithValue("$demonstrations", record.Demonstrations);
        p.AddWithValue("$created_episode", createdEpisode);
        p.AddWithValue("$change", change);
        try
        {
            using SqliteDataReader reader = command.ExecuteReader();
            reader.Read();
            return reader.GetInt64(0);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            throw CountersOverflow(what, e);
        }
    }

    /// <summary>The name <paramref name="record"/> is stored under if it is new (<see cref="SkillNames"/>): other skills' names are read in the commit's transaction.</summary>
    private string UniqueName(SqliteTransaction transaction, SkillRecord record)
    {
        SqliteCommand command = Statement(TakenNamesSql, transaction);
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$name", record.Name);
        p.AddWithValue("$prefix", SkillNames.Prefix(record.Name));
        p.AddWithValue("$pre_mask", Bits(record.Preconditions.Mask));
        p.AddWithValue("$pre_values", Bits(record.Preconditions.Values));
        p.AddWithValue("$effect_mask", Bits(record.Effect.Mask));
        p.AddWithValue("$effect_values", Bits(record.Effect.Values));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using (SqliteDataReader reader = command.ExecuteReader())
            while (reader.Read())
                taken.Add(reader.GetString(0));
        return SkillNames.Unique(record.Name, taken);
    }

    private bool UpdateSkill(SqliteTransaction transaction, CommitPlan.Update update, long change)
    {
        SkillUpdate skillUpdate = update.Change;
        SqliteCommand command = Statement(UpdateSkillSql, transaction);
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$id", skillUpdate.Id);
        p.AddWithValue("$uses", skillUpdate.AddUses);
        p.AddWithValue("$successes", skillUpdate.AddSuccesses);
        p.AddWithValue("$demonstrations", skillUpdate.AddDemonstrations);
        p.AddWithValue("$key", (object?)update.Key ?? DBNull.Value);
        p.AddWithValue("$step_limit", (object?)skillUpdate.StepLimit ?? DBNull.Value);
        p.AddWithValue("$change", change);
        try
        {
            return command.ExecuteNonQuery() > 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
        {
            throw CountersOverflow($"the update of skill {skillUpdate.Id}", e);
        }
    }

    private LibraryException CountersOverflow(string what, SqliteException e) =>
        new($"invalid commit: {what} would leave counters outside 0 <= successes <= uses <= {int.MaxValue} in {Path}", e);

    private void WritePolicy(SqliteTransaction transaction, string sql, long skillId, CommitPlan.Policy policy)
    {
        SqliteCommand command = Statement(sql, transaction);
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$skill", skillId);
        p.AddWithValue("$kind", policy.Kind);
        p.AddWithValue("$shape", policy.Shape);
        p.AddWithValue("$checksum", (long)policy.Checksum);
        p.AddWithValue("$data", policy.Data);
        command.ExecuteNonQuery();
    }

    private void AppendDemonstrations(SqliteTransaction transaction, long skillId, byte[][] demonstrations)
    {
        foreach (byte[] trajectory in demonstrations)
        {
            SqliteCommand command = Statement(InsertDemonstrationSql, transaction);
            command.Parameters.AddWithValue("$skill", skillId);
            command.Parameters.AddWithValue("$trajectory", trajectory);
            command.ExecuteNonQuery();
        }
    }

    private void AddOutcome(SqliteTransaction transaction, OutcomeCount outcome, long change)
    {
        SqliteCommand command = Statement(AddOutcomeSql, transaction);
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$context", outcome.Context);
        p.AddWithValue("$action", outcome.Action);
        p.AddWithValue("$forward", outcome.Forward);
        p.AddWithValue("$right", outcome.Right);
        p.AddWithValue("$turns", outcome.Turns);
        p.AddWithValue("$flipped", Bits(outcome.FlippedFacts));
        p.AddWithValue("$count", outcome.Count);
        p.AddWithValue("$change", change);
        command.ExecuteNonQuery();
    }

    private void InsertEpisode(SqliteTransaction transaction, long id, CommitPlan.Episode episode, long change)
    {
        SqliteCommand command = Statement(InsertEpisodeSql, transaction);
        SqliteParameterCollection p = command.Parameters;
        p.AddWithValue("$id", id);
        p.AddWithValue("$environment", episode.Record.Environment);
        p.AddWithValue("$seed", episode.Record.LayoutSeed);
        p.AddWithValue("$return", episode.Record.Return);
        p.AddWithValue("$success", episode.Record.Success);
        p.AddWithValue("$trajectory", episode.Trajectory);
        p.AddWithValue("$change", change);
        command.ExecuteNonQuery();
    }
}
