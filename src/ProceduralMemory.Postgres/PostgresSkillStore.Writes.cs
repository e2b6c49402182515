using System.Data;
using Npgsql;
using NpgsqlTypes;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    private const string UpsertSkillSql = """
        INSERT INTO procmem.skills AS s (id, name, pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit,
            uses, successes, demonstrations, created_episode, change, policy_kind, policy_shape, policy_checksum, policy)
        VALUES (@id, @name, @pre_mask, @pre_values, @effect_mask, @effect_values, @key, @step_limit,
            @uses, @successes, @demonstrations, @created_episode, @change, @kind, @shape, @checksum, @policy)
        ON CONFLICT (pre_mask, pre_values, effect_mask, effect_values) DO UPDATE SET
            uses = s.uses + excluded.uses,
            successes = s.successes + excluded.successes,
            demonstrations = s.demonstrations + excluded.demonstrations,
            change = excluded.change
        RETURNING id
        """;

    // As SqliteSkillStore's: names a new skill would clash with, leaving out the skill it would merge into.
    private const string TakenNamesSql = """
        SELECT name FROM procmem.skills
        WHERE (name = @name OR starts_with(name, @prefix))
          AND NOT (pre_mask = @pre_mask AND pre_values = @pre_values AND effect_mask = @effect_mask AND effect_values = @effect_values)
        """;

    private const string UpdateSkillSql = """
        UPDATE procmem.skills SET
            uses = uses + @uses,
            successes = successes + @successes,
            demonstrations = demonstrations + @demonstrations,
            key_vector = coalesce(@key, key_vector),
            step_limit = coalesce(@step_limit, step_limit),
            policy_kind = coalesce(@kind, policy_kind),
            policy_shape = coalesce(@shape, policy_shape),
            policy_checksum = coalesce(@checksum, policy_checksum),
            policy = coalesce(@policy, policy),
            change = @change
        WHERE id = @id
        """;

    private const string AddOutcomeSql = """
        INSERT INTO procmem.outcomes AS o (context, action, moved_forward, moved_right, turns, flipped_facts, count, change)
        VALUES (@context, @action, @forward, @right, @turns, @flipped, @count, @change)
        ON CONFLICT (context, action, moved_forward, moved_right, turns, flipped_facts) DO UPDATE SET
            count = o.count + excluded.count, change = excluded.change
        """;

    private const string InsertEpisodeSql = """
        INSERT INTO procmem.episodes (id, environment, layout_seed, episode_return, success, trajectory, change)
        VALUES (@id, @environment, @seed, @return, @success, @trajectory, @change)
        """;

    // Everything but the newest @keep demonstrations of each touched skill.
    private const string TrimDemonstrationsSql = """
        DELETE FROM procmem.demonstrations AS d USING (
            SELECT id, row_number() OVER (PARTITION BY skill_id ORDER BY id DESC) AS newest
            FROM procmem.demonstrations WHERE skill_id = ANY(@skills)) AS ranked
        WHERE d.id = ranked.id AND ranked.newest > @keep
        """;

    private const string TrimEpisodesSql =
        "DELETE FROM procmem.episodes WHERE id <= (SELECT id FROM procmem.episodes ORDER BY id DESC LIMIT 1 OFFSET @keep)";

    private const string PruneSql = """
        DELETE FROM procmem.skills
        WHERE uses >= @min_uses AND successes < @min_rate * uses AND @episodes - created_episode >= @min_age
        RETURNING id
        """;

    /// <inheritdoc />
    /// <exception cref="LibraryException">The store is read-only, or the server stayed unreachable.</exception>
    public LibraryManifest Create(LibraryManifest manifest)
    {
        string text = ManifestJson.Write(manifest);
        ThrowIfReadOnly();
        return Run(connection =>
        {
            using NpgsqlTransaction transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            using NpgsqlCommand locked = new(MetaSql + " FOR UPDATE", connection, transaction);
            Meta meta = ReadMeta(locked);
            if (meta.ManifestText is not null)
            {
                ApplyManifest(meta.ManifestText);
                return _manifest.Manifest!;
            }
            using NpgsqlCommand update = new("UPDATE procmem.meta SET manifest = @manifest, change = change + 1 WHERE singleton = 0", connection, transaction);
            update.Parameters.AddWithValue("manifest", text);
            update.ExecuteNonQuery();
            transaction.Commit();
            ApplyManifest(text);
            return _manifest.Manifest!;
        });
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">
    /// The store is read-only or holds no library yet, the commit is invalid (as <see cref="CommitPlan"/> checks it,
    /// or it would push a counter out of range); nothing is written. Or the server stayed unreachable: then the
    /// commit may or may not have been applied (once at most).
    /// </exception>
    public CommitResult Commit(LibraryCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ThrowIfReadOnly();
        CommitPlan plan = CommitPlan.Of(commit);
        return WriteOnce("committing", (connection, transaction, meta, last) => Apply(plan, connection, transaction, meta, last),
            entry => new CommitResult([.. entry.Ids.Zip(entry.Created ?? [], (id, created) => (id, created))], entry.Change));
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">The store is read-only or holds no library yet, or the server stayed unreachable.</exception>
    public IReadOnlyList<int> Prune(PruneRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ThrowIfReadOnly();
        return WriteOnce<IReadOnlyList<int>>("pruning", (connection, transaction, meta, last) =>
        {
            using NpgsqlCommand delete = new(PruneSql, connection, transaction);
            // The same arithmetic as PruneRule.Selects: an integer compared with a double product, ages in integers.
            delete.Parameters.AddWithValue("min_uses", rule.MinUses);
            delete.Parameters.AddWithValue("min_rate", rule.MinSuccessRate);
            delete.Parameters.AddWithValue("episodes", meta.Episodes);
            delete.Parameters.AddWithValue("min_age", rule.MinAgeEpisodes);
            var ids = new List<int>();
            using (NpgsqlDataReader reader = delete.ExecuteReader())
                while (reader.Read())
                    ids.Add(reader.GetInt32(0));
            ids.Sort();
            last.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE procmem.meta SET change = change + 1 WHERE singleton = 0"));
            return (ids, new LogEntry(meta.Change + 1, [.. ids], null));
        }, entry => entry.Ids);
    }

    private (CommitResult, LogEntry) Apply(CommitPlan plan, NpgsqlConnection connection, NpgsqlTransaction transaction, Meta meta, NpgsqlBatch last)
    {
        plan.CheckKeys(_manifest.Manifest!.EmbeddingDimension);
        plan.CheckRestoreTarget(meta.NextSkillId, Location);
        long change = meta.Change + 1;
        long episodesBefore = plan.EpisodesBefore(meta.Episodes);
        long episodes = episodesBefore + plan.Episodes.Count;
        long nextId = meta.NextSkillId;
        var touched = new HashSet<int>();
        var results = new List<(int Id, bool Created)>(plan.NewSkills.Count);

        // Each upsert needs the previous one's outcome (a skill repeated in the commit merges), so one round trip each.
        for (int i = 0; i < plan.NewSkills.Count; i++)
        {
            CommitPlan.Skill skill = plan.NewSkills[i];
            if (nextId > int.MaxValue)
                throw new LibraryException($"{Location} has used up its skill ids");
            long wanted = plan.IdFor(i, nextId);
            skill = skill with { Record = skill.Record with { Name = UniqueName(connection, transaction, skill.Record) } };
            int id = UpsertSkill(connection, transaction, skill, (int)wanted, plan.CreatedEpisodeFor(i, episodes), change, $"new skill {i} ('{skill.Record.Name}')");
            bool created = id == wanted;
            if (created)
                nextId = Math.Max(nextId, id + 1L);
            AppendDemonstrations(last, id, skill.Demonstrations);
            touched.Add(id);
            results.Add((id, created));
        }
        foreach (CommitPlan.Update update in UpdateSkills(connection, transaction, plan.Updates, change))
        {
            AppendDemonstrations(last, update.Change.Id, update.Demonstrations);
            touched.Add(update.Change.Id);
        }

        // Everything else depends on nothing it returns: one round trip, with the commit log and the meta row.
        foreach (OutcomeCount outcome in plan.Commit.OutcomeIncrements)
            if (outcome.Count > 0)
                last.BatchCommands.Add(Command(AddOutcomeSql, ("context", outcome.Context), ("action", outcome.Action), ("forward", outcome.Forward),
                    ("right", outcome.Right), ("turns", outcome.Turns), ("flipped", Bits(outcome.FlippedFacts)), ("count", outcome.Count), ("change", change)));
        for (int i = 0; i < plan.Episodes.Count; i++)
        {
            CommitPlan.Episode episode = plan.Episodes[i];
            last.BatchCommands.Add(Command(InsertEpisodeSql, ("id", episodesBefore + i + 1), ("environment", episode.Record.Environment),
                ("seed", episode.Record.LayoutSeed), ("return", episode.Record.Return), ("success", episode.Record.Success),
                ("trajectory", episode.Trajectory), ("change", change)));
        }
        if (touched.Count > 0)
            last.BatchCommands.Add(Command(TrimDemonstrationsSql, ("skills", touched.ToArray()), ("keep", (long)plan.Commit.DemonstrationsToKeep)));
        last.BatchCommands.Add(Command(TrimEpisodesSql, ("keep", (long)plan.Commit.EpisodesToKeep)));
        last.BatchCommands.Add(Command("UPDATE procmem.meta SET next_skill_id = @next, episodes = @episodes, change = @change WHERE singleton = 0",
            ("next", nextId), ("episodes", episodes), ("change", change)));

        return (new CommitResult(results, change), new LogEntry(change, [.. results.Select(r => r.Id)], [.. results.Select(r => r.Created)]));
    }

    /// <summary>The name <paramref name="record"/> is stored under if it is new (<see cref="SkillNames"/>): other skills' names are read in the commit's transaction, which holds the meta row's lock.</summary>
    private static string UniqueName(NpgsqlConnection connection, NpgsqlTransaction transaction, SkillRecord record)
    {
        using NpgsqlCommand command = new(TakenNamesSql, connection, transaction);
        NpgsqlParameterCollection p = command.Parameters;
        p.AddWithValue("name", record.Name);
        p.AddWithValue("prefix", SkillNames.Prefix(record.Name));
        p.AddWithValue("pre_mask", Bits(record.Preconditions.Mask));
        p.AddWithValue("pre_values", Bits(record.Preconditions.Values));
        p.AddWithValue("effect_mask", Bits(record.Effect.Mask));
        p.AddWithValue("effect_values", Bits(record.Effect.Values));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using (NpgsqlDataReader reader = command.ExecuteReader())
            while (reader.Read())
                taken.Add(reader.GetString(0));
        return SkillNames.Unique(record.Name, taken);
    }

    private int UpsertSkill(NpgsqlConnection connection, NpgsqlTransaction transaction, CommitPlan.Skill skill, int id, long createdEpisode, long change, string what)
    {
        SkillRecord record = skill.Record;
        using NpgsqlCommand command = new(UpsertSkillSql, connection, transaction);
        NpgsqlParameterCollection p = command.Parameters;
        p.AddWithValue("id", id);
        p.AddWithValue("name", record.Name);
        p.AddWithValue("pre_mask", Bits(record.Preconditions.Mask));
        p.AddWithValue("pre_values", Bits(record.Preconditions.Values));
        p.AddWithValue("effect_mask", Bits(record.Effect.Mask));
        p.AddWithValue("effect_values", Bits(record.Effect.Values));
        p.AddWithValue("key", skill.Key);
        p.AddWithValue("step_limit", record.StepLimit);
        p.AddWithValue("uses", record.Uses);
        p.AddWithValue("successes", record.Successes);
        p.AddWithValue("demonstrations", record.Demonstrations);
        p.AddWithValue("created_episode", createdEpisode);
        p.AddWithValue("change", change);
        p.AddWithValue("kind", skill.Policy.Kind);
        p.AddWithValue("shape", skill.Policy.Shape);
        p.AddWithValue("checksum", (long)skill.Policy.Checksum);
        p.AddWithValue("policy", skill.Policy.Data);
        try
        {
            return (int)command.ExecuteScalar()!;
        }
        catch (PostgresException e) when (IsCounterOverflow(e))
        {
            throw CountersOverflow(what, e);
        }
    }

    /// <summary>Applies the updates in one round trip; returns those whose skill exists (an update of a pruned skill is dropped).</summary>
    private List<CommitPlan.Update> UpdateSkills(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CommitPlan.Update> updates, long change)
    {
        if (updates.Count == 0)
            return [];
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (CommitPlan.Update update in updates)
        {
            SkillUpdate skillUpdate = update.Change;
            NpgsqlBatchCommand command = Command(UpdateSkillSql, ("id", skillUpdate.Id), ("uses", skillUpdate.AddUses),
                ("successes", skillUpdate.AddSuccesses), ("demonstrations", skillUpdate.AddDemonstrations), ("change", change));
            NpgsqlParameterCollection p = command.Parameters;
            p.Add(Nullable("key", NpgsqlDbType.Bytea, update.Key));
            p.Add(Nullable("step_limit", NpgsqlDbType.Integer, skillUpdate.StepLimit));
            p.Add(Nullable("kind", NpgsqlDbType.Text, update.Policy?.Kind));
            p.Add(Nullable("shape", NpgsqlDbType.Text, update.Policy?.Shape));
            p.Add(Nullable("checksum", NpgsqlDbType.Bigint, update.Policy is null ? null : (long)update.Policy.Checksum));
            p.Add(Nullable("policy", NpgsqlDbType.Bytea, update.Policy?.Data));
            batch.BatchCommands.Add(command);
        }
        try
        {
            batch.ExecuteNonQuery();
        }
        catch (PostgresException e) when (IsCounterOverflow(e))
        {
            int failed = e.BatchCommand is { } command ? batch.BatchCommands.IndexOf(command) : -1;
            throw CountersOverflow(failed < 0 ? "an update" : $"the update of skill {updates[failed].Change.Id}", e);
        }
        return [.. updates.Where((_, i) => batch.BatchCommands[i].RecordsAffected > 0)];
    }

    private static void AppendDemonstrations(NpgsqlBatch batch, int skillId, byte[][] demonstrations)
    {
        foreach (byte[] trajectory in demonstrations)
            batch.BatchCommands.Add(Command("INSERT INTO procmem.demonstrations (skill_id, trajectory) VALUES (@skill, @trajectory)",
                ("skill", skillId), ("trajectory", trajectory)));
    }

    private static bool IsCounterOverflow(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NumericValueOutOfRange;

    private LibraryException CountersOverflow(string what, PostgresException e) =>
        new($"invalid commit: {what} would leave counters outside 0 <= successes <= uses <= {int.MaxValue} in {Location}", e);

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach ((string name, object value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
