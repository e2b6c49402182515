using System.Data;
using System.Data.Common;

namespace ProceduralMemory.Memory.Store.Sql;

public abstract partial class SqlSkillStore
{
    private object? _unfinished;
    private long _sequence;

    /// <summary>
    /// Where an earlier attempt of write <paramref name="sequence"/> of this instance committed, what it did (read
    /// after the meta row is locked, so an attempt that committed meanwhile is seen); <c>null</c> when none did or
    /// the backend keeps no log.
    /// </summary>
    protected virtual SqlWriteOutcome? FindFinished(DbConnection connection, DbTransaction transaction, long sequence) => null;

    /// <summary>Adds to <paramref name="statements"/> (run last in the write's transaction) what logs write <paramref name="sequence"/> as finished.</summary>
    protected virtual void RecordFinished(List<SqlStatement> statements, long sequence, SqlWriteOutcome outcome)
    {
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">The store is read-only, or the database failed.</exception>
    public LibraryManifest Create(LibraryManifest manifest)
    {
        string text = ManifestJson.Write(manifest);
        ThrowIfReadOnly();
        return Run(connection =>
        {
            using DbTransaction transaction = Dialect.BeginWrite(connection);
            SqlMeta meta = ReadMeta(connection, transaction, Dialect.LockMeta);
            if (meta.ManifestText is not null)
            {
                ApplyManifest(meta.ManifestText);
                return _manifest.Manifest!;
            }
            Statement(connection, transaction, $"UPDATE {Dialect.Table("meta")} SET manifest = @manifest, change = change + 1 WHERE singleton = 0",
                ("manifest", text)).ExecuteNonQuery();
            transaction.Commit();
            ApplyManifest(text);
            return _manifest.Manifest!;
        });
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">
    /// The store is read-only or holds no library yet, or the commit is invalid (as <see cref="CommitPlan"/> checks
    /// it, or it would push a counter out of range); nothing is written. Or the database failed: where the backend
    /// can lose a commit's answer, the commit may then have been applied (once; calling again with the same
    /// <paramref name="commit"/> object returns its result).
    /// </exception>
    public CommitResult Commit(LibraryCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ThrowIfReadOnly();
        CommitPlan plan = CommitPlan.Of(commit);
        return WriteOnce(commit, "committing", write => Apply(plan, write),
            logged => new CommitResult([.. logged.Ids.Zip(logged.Created ?? [], (id, created) => (id, created))], logged.Change));
    }

    /// <inheritdoc />
    /// <exception cref="LibraryException">The store is read-only or holds no library yet, or the database failed.</exception>
    public IReadOnlyList<int> Prune(PruneRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ThrowIfReadOnly();
        return WriteOnce<IReadOnlyList<int>>(rule, "pruning", write =>
        {
            // The same arithmetic as PruneRule.Selects: an integer compared with a double product, ages in integers.
            var ids = new List<int>();
            using (DbDataReader reader = Statement(write.Connection, write.Transaction, $"""
                DELETE FROM {Dialect.Table("skills")}
                WHERE uses >= @min_uses AND successes < @min_rate * uses AND @episodes - created_episode >= @min_age
                RETURNING id
                """, ("min_uses", rule.MinUses), ("min_rate", rule.MinSuccessRate), ("episodes", write.Meta.Episodes),
                ("min_age", rule.MinAgeEpisodes)).ExecuteReader())
                while (reader.Read())
                    ids.Add(reader.GetInt32(0));
            ids.Sort();
            write.Last.Add(new SqlStatement($"UPDATE {Dialect.Table("meta")} SET change = change + 1 WHERE singleton = 0"));
            return (ids, new SqlWriteOutcome(write.Meta.Change + 1, [.. ids], null));
        }, logged => logged.Ids);
    }

    /// <summary>A write under way: its connection and transaction, the meta row it locked, and the statements to run last.</summary>
    private sealed record Write(DbConnection Connection, DbTransaction Transaction, SqlMeta Meta, List<SqlStatement> Last)
    {
        /// <summary>The manifest text the write stores (a re-key), taken once the transaction has committed.</summary>
        public string? ManifestAfter { get; set; }
    }

    /// <summary>
    /// Runs a write in one transaction that first locks the meta row. The write gets a sequence number, kept when the
    /// same <paramref name="operation"/> is written again right after it failed; if the backend's log shows an earlier
    /// attempt committed, <paramref name="replay"/> returns its result. Otherwise <paramref name="apply"/> writes
    /// (statements whose results it does not need go into <see cref="Write.Last"/>, one round trip where the driver batches).
    /// </summary>
    private T WriteOnce<T>(object operation, string action, Func<Write, (T Result, SqlWriteOutcome Outcome)> apply, Func<SqlWriteOutcome, T> replay) =>
        Run(connection =>
        {
            long sequence = ReferenceEquals(operation, _unfinished) ? _sequence : ++_sequence;
            _unfinished = operation;
            using DbTransaction transaction = Dialect.BeginWrite(connection);
            SqlMeta meta = ReadMeta(connection, transaction, Dialect.LockMeta);
            SqlWriteOutcome? finished = FindFinished(connection, transaction, sequence);
            ApplyManifest(meta.ManifestText);
            if (finished is { } logged)
            {
                _unfinished = null;
                return replay(logged);
            }
            if (_manifest.Manifest is null)
                throw new LibraryException($"{LibraryName} holds no library yet: create it before {action}");
            var write = new Write(connection, transaction, meta, []);
            (T result, SqlWriteOutcome outcome) = apply(write);
            RecordFinished(write.Last, sequence, outcome);
            ExecuteAll(connection, transaction, write.Last, _ => "a statement");
            transaction.Commit();
            if (write.ManifestAfter is { } text)
                ApplyManifest(text);
            _unfinished = null;
            return result;
        });

    private (CommitResult, SqlWriteOutcome) Apply(CommitPlan plan, Write write)
    {
        plan.CheckKeys(_manifest.Manifest!);
        plan.CheckRestoreTarget(write.Meta.NextSkillId, LibraryName);
        if (plan.Commit.Rekey is { } rekey)
        {
            plan.CheckRekeyCovers(ReadSkillIds(write.Connection, write.Transaction));
            write.ManifestAfter = ManifestJson.Write(plan.ManifestAfter(_manifest.Manifest!));
            write.Last.Add(new SqlStatement($"UPDATE {Dialect.Table("meta")} SET manifest = @manifest, key_model = @key_model WHERE singleton = 0",
                ("manifest", write.ManifestAfter), new("key_model", rekey.ModelBytes, DbType.Binary)));
            // Contexts are clusters of the old model's keys: meaningless under the new one, they go with their counts and splits.
            foreach (string table in new[] { "skill_splits", "skill_contexts", "contexts" })
                write.Last.Add(new SqlStatement($"DELETE FROM {Dialect.Table(table)}"));
        }
        long change = write.Meta.Change + 1;
        long episodesBefore = plan.EpisodesBefore(write.Meta.Episodes);
        long episodes = episodesBefore + plan.Episodes.Count;
        long nextId = write.Meta.NextSkillId;
        var touched = new HashSet<int>();
        var results = new List<(int Id, bool Created)>(plan.NewSkills.Count);

        // Each upsert needs the previous one's outcome (a skill repeated in the commit merges), so they run one by one.
        for (int i = 0; i < plan.NewSkills.Count; i++)
        {
            CommitPlan.Skill skill = plan.NewSkills[i];
            if (nextId > int.MaxValue)
                throw new LibraryException($"{LibraryName} has used up its skill ids");
            int wanted = (int)plan.IdFor(i, nextId);
            skill = skill with { Record = skill.Record with { Name = UniqueName(write, skill.Record) } };
            int id = UpsertSkill(write, skill, wanted, plan.CreatedEpisodeFor(i, episodes), change, $"new skill {i} ('{skill.Record.Name}')");
            bool created = id == wanted;
            if (created)
            {
                if (!Dialect.PoliciesInSkillTable)
                    write.Last.Add(new SqlStatement($"INSERT INTO {Dialect.Table("policies")} (skill_id, kind, shape, checksum, data) VALUES (@skill, @kind, @shape, @checksum, @data)",
                        PolicyValues(id, skill.Policy)));
                nextId = Math.Max(nextId, id + 1L);
            }
            AppendDemonstrations(write, id, skill.Demonstrations);
            touched.Add(id);
            results.Add((id, created));
        }

        foreach (CommitPlan.Update update in UpdateSkills(write, plan.Updates, change))
        {
            if (update.Policy is not null && !Dialect.PoliciesInSkillTable)
                write.Last.Add(new SqlStatement($"UPDATE {Dialect.Table("policies")} SET kind = @kind, shape = @shape, checksum = @checksum, data = @data WHERE skill_id = @skill",
                    PolicyValues(update.Change.Id, update.Policy)));
            AppendDemonstrations(write, update.Change.Id, update.Demonstrations);
            touched.Add(update.Change.Id);
        }

        // Everything else depends on nothing it returns: it runs last, with the meta row.
        foreach (OutcomeCount outcome in plan.Commit.OutcomeIncrements)
            if (outcome.Count > 0)
                write.Last.Add(new SqlStatement($"""
                    INSERT INTO {Dialect.Table("outcomes")} AS o (context, payload, count, change)
                    VALUES (@context, @payload, @count, @change)
                    ON CONFLICT (context, payload) DO UPDATE SET
                        count = o.count + excluded.count, change = excluded.change
                    """, ("context", outcome.Context), ("payload", outcome.Payload), ("count", outcome.Count), ("change", change)));
        AddContextChanges(write, plan, change);
        for (int i = 0; i < plan.Episodes.Count; i++)
        {
            CommitPlan.Episode episode = plan.Episodes[i];
            write.Last.Add(new SqlStatement($"""
                INSERT INTO {Dialect.Table("episodes")} (id, environment, layout_seed, episode_return, success, trajectory, change)
                VALUES (@id, @environment, @seed, @return, @success, @trajectory, @change)
                """, ("id", episodesBefore + i + 1), ("environment", episode.Record.Environment), ("seed", episode.Record.LayoutSeed),
                ("return", episode.Record.Return), ("success", episode.Record.Success), ("trajectory", episode.Trajectory), ("change", change)));
        }
        // Everything older than the newest @keep of a skill's demonstrations, or of the episodes (the subquery is NULL,
        // deleting nothing, when there are fewer).
        foreach (int id in touched)
            write.Last.Add(new SqlStatement($"""
                DELETE FROM {Dialect.Table("demonstrations")} WHERE skill_id = @skill AND id <=
                    (SELECT id FROM {Dialect.Table("demonstrations")} WHERE skill_id = @skill ORDER BY id DESC LIMIT 1 OFFSET @keep)
                """, ("skill", id), ("keep", plan.Commit.DemonstrationsToKeep)));
        write.Last.Add(new SqlStatement($"DELETE FROM {Dialect.Table("episodes")} WHERE id <= (SELECT id FROM {Dialect.Table("episodes")} ORDER BY id DESC LIMIT 1 OFFSET @keep)",
            ("keep", (long)plan.Commit.EpisodesToKeep)));
        write.Last.Add(new SqlStatement($"UPDATE {Dialect.Table("meta")} SET next_skill_id = @next, episodes = @episodes, change = @change WHERE singleton = 0",
            ("next", nextId), ("episodes", episodes), ("change", change)));

        return (new CommitResult(results, change), new SqlWriteOutcome(change, [.. results.Select(r => r.Id)], [.. results.Select(r => r.Created)]));
    }

    /// <summary>
    /// The per-context lifecycle's changes (schema 7): a context number already stored keeps its first writer's centroid,
    /// counts add up, a split already marked stays as it was; counts and splits of a skill no longer stored are dropped
    /// (as updates of a pruned skill are), and a split's variant pruned meanwhile is stored as none.
    /// </summary>
    private void AddContextChanges(Write write, CommitPlan plan, long change)
    {
        ContextState state = plan.Commit.Contexts;
        for (int i = 0; i < state.Contexts.Count; i++)
        {
            StoredContext context = state.Contexts[i];
            write.Last.Add(new SqlStatement($"""
                INSERT INTO {Dialect.Table("contexts")} (number, centroid, max_contexts, similarity, change)
                VALUES (@number, @centroid, @max, @similarity, @change)
                ON CONFLICT (number) DO NOTHING
                """, ("number", context.Number), ("centroid", plan.Centroids[i]), ("max", context.MaxContexts),
                new("similarity", context.Similarity, DbType.Single), ("change", change)));
        }
        foreach (ContextCount count in state.Counts)
            if (count.Uses > 0)
                write.Last.Add(new SqlStatement($"""
                    INSERT INTO {Dialect.Table("skill_contexts")} AS c (skill_id, context, uses, successes, change)
                    SELECT @skill, @context, @uses, @successes, @change WHERE EXISTS (SELECT 1 FROM {Dialect.Table("skills")} WHERE id = @skill)
                    ON CONFLICT (skill_id, context) DO UPDATE SET
                        uses = c.uses + excluded.uses, successes = c.successes + excluded.successes, change = excluded.change
                    """, ("skill", count.SkillId), ("context", count.Context), ("uses", count.Uses), ("successes", count.Successes), ("change", change)));
        foreach (StoredSplit split in state.Splits)
            write.Last.Add(new SqlStatement($"""
                INSERT INTO {Dialect.Table("skill_splits")} (skill_id, context, variant_id, episode, reason, change)
                SELECT @skill, @context, (SELECT id FROM {Dialect.Table("skills")} WHERE id = @variant), @episode, @reason, @change
                WHERE EXISTS (SELECT 1 FROM {Dialect.Table("skills")} WHERE id = @skill)
                ON CONFLICT (skill_id, context) DO NOTHING
                """, ("skill", split.SkillId), ("context", split.Context), new("variant", split.VariantId, DbType.Int32),
                ("episode", split.Episode), ("reason", split.Reason), ("change", change)));
    }

    /// <summary>The name <paramref name="record"/> is stored under if it is new (<see cref="SkillNames"/>): other skills' names are read in the commit's transaction.</summary>
    private string UniqueName(Write write, SkillRecord record)
    {
        // Names other skills hold that a new skill named @name would clash with ("x", "x#2", ...); the skill with the
        // same identity (the domain's rule) is left out, since the new one merges into it and keeps its name.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using (DbDataReader reader = Statement(write.Connection, write.Transaction, $"""
            SELECT name FROM {Dialect.Table("skills")}
            WHERE (name = @name OR substr(name, 1, length(@prefix)) = @prefix)
              AND identity <> @identity
            """, ("name", record.Name), ("prefix", SkillNames.Prefix(record.Name)), ("identity", IdentityOf(record))).ExecuteReader())
            while (reader.Read())
                taken.Add(reader.GetString(0));
        return SkillNames.Unique(record.Name, taken);
    }

    private int UpsertSkill(Write write, CommitPlan.Skill skill, int id, long createdEpisode, long change, string what)
    {
        SkillRecord record = skill.Record;
        bool inline = Dialect.PoliciesInSkillTable;
        string policyColumns = inline ? ", policy_kind, policy_shape, policy_checksum, policy" : "";
        string policyValues = inline ? ", @kind, @shape, @checksum, @data" : "";
        SqlValue[] values =
        [
            ("id", id), ("name", record.Name), ("identity", IdentityOf(record)), .. FactValues(record), ("key", skill.Key), ("step_limit", record.StepLimit),
            ("uses", record.Uses), ("successes", record.Successes), ("demonstrations", record.Demonstrations),
            ("created_episode", createdEpisode), ("change", change), .. inline ? PolicyValues(null, skill.Policy) : [],
            new("retired_episode", record.Retired?.Episode, DbType.Int64), new("retired_reason", record.Retired?.Reason, DbType.String),
            ("trial_start_uses", record.TrialStartUses), ("trial_start_successes", record.TrialStartSuccesses),
            new("variant", record.Variant, DbType.String),
        ];
        DbCommand command = Statement(write.Connection, write.Transaction, $"""
            INSERT INTO {Dialect.Table("skills")} AS s (id, name, identity, pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit,
                uses, successes, demonstrations, created_episode, change, retired_episode, retired_reason, trial_start_uses, trial_start_successes, variant{policyColumns})
            VALUES (@id, @name, @identity, @pre_mask, @pre_values, @effect_mask, @effect_values, @key, @step_limit,
                @uses, @successes, @demonstrations, @created_episode, @change, @retired_episode, @retired_reason, @trial_start_uses, @trial_start_successes, @variant{policyValues})
            ON CONFLICT (identity) DO UPDATE SET
                uses = s.uses + excluded.uses,
                successes = s.successes + excluded.successes,
                demonstrations = s.demonstrations + excluded.demonstrations,
                change = excluded.change
            RETURNING id
            """, values);
        try
        {
            return Convert.ToInt32(command.ExecuteScalar());
        }
        catch (DbException e) when (Dialect.IsCounterOverflow(e))
        {
            throw CountersOverflow(what, e);
        }
    }

    /// <summary>Applies the updates (in one round trip where the driver batches); returns those whose skill exists (an update of a pruned skill is dropped).</summary>
    private List<CommitPlan.Update> UpdateSkills(Write write, IReadOnlyList<CommitPlan.Update> updates, long change)
    {
        bool inline = Dialect.PoliciesInSkillTable;
        string policy = inline
            ? """
                policy_kind = coalesce(@kind, policy_kind),
                policy_shape = coalesce(@shape, policy_shape),
                policy_checksum = coalesce(@checksum, policy_checksum),
                policy = coalesce(@data, policy),
            """
            : "";
        string sql = $"""
            UPDATE {Dialect.Table("skills")} SET
                uses = uses + @uses,
                successes = successes + @successes,
                demonstrations = demonstrations + @demonstrations,
                key_vector = coalesce(@key, key_vector),
                step_limit = coalesce(@step_limit, step_limit),
                retired_episode = CASE WHEN @start_trial THEN NULL ELSE coalesce(@retired_episode, retired_episode) END,
                retired_reason = CASE WHEN @start_trial THEN NULL ELSE coalesce(@retired_reason, retired_reason) END,
                trial_start_uses = CASE WHEN @start_trial THEN uses + @uses ELSE trial_start_uses END,
                trial_start_successes = CASE WHEN @start_trial THEN successes + @successes ELSE trial_start_successes END,
            {policy}    change = @change
            WHERE id = @id
            """;
        var statements = updates.Select(update => new SqlStatement(sql,
        [
            ("id", update.Change.Id), ("uses", update.Change.AddUses), ("successes", update.Change.AddSuccesses),
            ("demonstrations", update.Change.AddDemonstrations), new("key", update.Key, DbType.Binary),
            new("step_limit", update.Change.StepLimit, DbType.Int32), ("change", change),
            ("start_trial", update.Change.StartTrial), new("retired_episode", update.Change.Retire?.Episode, DbType.Int64),
            new("retired_reason", update.Change.Retire?.Reason, DbType.String),
            .. inline ? NullablePolicyValues(update.Policy) : [],
        ])).ToList();
        int[] affected = ExecuteAll(write.Connection, write.Transaction, statements, i => $"the update of skill {updates[i].Change.Id}");
        return [.. updates.Where((_, i) => affected[i] > 0)];
    }

    private void AppendDemonstrations(Write write, int skillId, byte[][] demonstrations)
    {
        foreach (byte[] trajectory in demonstrations)
            write.Last.Add(new SqlStatement($"INSERT INTO {Dialect.Table("demonstrations")} (skill_id, trajectory) VALUES (@skill, @trajectory)",
                ("skill", skillId), ("trajectory", trajectory)));
    }

    /// <summary>The skill's identity under the library's domain rule: the store's uniqueness key (schema 3).</summary>
    private string IdentityOf(SkillRecord record) => record.IdentityUnder(Domains.SkillDomains.Get(_manifest.Manifest!.Domain));

    private static SqlValue[] FactValues(SkillRecord record) =>
    [
        ("pre_mask", Bits(record.Preconditions.Mask)), ("pre_values", Bits(record.Preconditions.Values)),
        ("effect_mask", Bits(record.Effect.Mask)), ("effect_values", Bits(record.Effect.Values)),
    ];

    /// <summary>A policy's values; with the skill's id when it is a row of its own.</summary>
    private static SqlValue[] PolicyValues(int? skillId, CommitPlan.Policy policy) =>
    [
        .. skillId is { } id ? [("skill", id)] : Array.Empty<SqlValue>(),
        ("kind", policy.Kind), ("shape", policy.Shape), ("checksum", (long)policy.Checksum), ("data", policy.Data),
    ];

    private static SqlValue[] NullablePolicyValues(CommitPlan.Policy? policy) =>
    [
        new("kind", policy?.Kind, DbType.String), new("shape", policy?.Shape, DbType.String),
        new("checksum", policy is null ? null : (long)policy.Checksum, DbType.Int64), new("data", policy?.Data, DbType.Binary),
    ];
}
