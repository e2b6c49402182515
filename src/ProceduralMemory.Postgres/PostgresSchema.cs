namespace ProceduralMemory.Postgres;

/// <summary>
/// The layout of a procmem library in a PostgreSQL database and the ordered forward migrations that build it. Every
/// table lives in the schema <c>procmem</c>, so a database another application also uses is not clobbered; the
/// schema's comment marks it as ours. Migrations run in one transaction under an advisory lock, so processes opening
/// a new or older library at the same moment upgrade it once.
/// </summary>
/// <remarks>
/// <para>Tables (schema 7), as in the SQLite store:</para>
/// <list type="bullet">
/// <item><c>schema_version(version, description)</c>: one row per applied migration; the library's version is the largest.</item>
/// <item><c>meta</c>: exactly one row: <c>manifest</c> (JSON, NULL until <c>Create</c>), <c>next_skill_id</c> (never
/// reused), <c>episodes</c>, <c>change</c> (incremented once per write transaction), <c>key_model</c> (schema 5: the
/// bytes of a learned key model, NULL for a random projection). Every write transaction
/// locks this row first (<c>SELECT ... FOR UPDATE</c>), so writes are serialised and the change number is exact.</item>
/// <item><c>skills</c>: definition, statistics and policy. Masks and values are the <c>ulong</c> bits stored as
/// <c>bigint</c> (reinterpreted); <c>key_vector</c> is the key as little-endian <c>float32</c>.
/// <c>identity</c> (unique: the skill's identity by the library's domain rule) makes a skill learned twice one skill (a variant, labelled in <c>variant</c>, schema 6, is its own), and
/// counters are <c>integer</c> with a check that successes stay within uses, so an overflow is refused, not wrapped.
/// Unlike SQLite, the policy stays in the skill's row: PostgreSQL keeps a large value out of line (TOAST) and a
/// statistics update does not copy it.</item>
/// <item><c>demonstrations</c>: trajectories (<c>TrajectoryCodec</c>) per skill (<c>ON DELETE CASCADE</c>); the
/// identity column orders them oldest first (writers are serialised, so ids follow commit order).</item>
/// <item><c>episodes</c>: episodic memory; <c>id</c> is the library's episode number (1, 2, ...).</item>
/// <item><c>outcomes</c>: semantic memory, a count per (context, payload), the payload encoded by the library's domain.</item>
/// <item><c>contexts</c>, <c>skill_contexts</c>, <c>skill_splits</c> (schema 7): the per-context skill lifecycle's
/// contexts, per-context counts (added as increments, so agents sharing the library add up) and split marks.</item>
/// <item><c>commit_log</c>: the result of each client's latest writes, keyed by (client, sequence), written in the
/// write's own transaction: a write retried after its connection died during <c>COMMIT</c> finds its result here
/// instead of applying twice. Client ids come from the sequence <c>client_ids</c>.</item>
/// </list>
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>The schema every table is in.</summary>
    public const string Name = "procmem";

    /// <summary>The comment that marks the schema as a procmem library (what SQLite's application id is to a file).</summary>
    public const string Marker = "procmem skill library";

    /// <summary>The transaction-scoped advisory lock migrations hold: "procmem" in ASCII.</summary>
    public const long MigrationLock = 0x70726F636D656D;

    /// <summary>The migrations in order; entry <c>i</c> produces version <c>i + 1</c>.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new(1, "skills, demonstrations, episodes, outcomes, commit log", """
            CREATE TABLE procmem.schema_version (
                version     integer PRIMARY KEY,
                description text NOT NULL);
            CREATE TABLE procmem.meta (
                singleton     integer PRIMARY KEY CHECK (singleton = 0),
                manifest      text,
                next_skill_id bigint NOT NULL,
                episodes      bigint NOT NULL,
                change        bigint NOT NULL);
            INSERT INTO procmem.meta (singleton, manifest, next_skill_id, episodes, change) VALUES (0, NULL, 0, 0, 0);
            CREATE TABLE procmem.skills (
                id              integer PRIMARY KEY,
                name            text NOT NULL,
                pre_mask        bigint NOT NULL,
                pre_values      bigint NOT NULL,
                effect_mask     bigint NOT NULL,
                effect_values   bigint NOT NULL,
                key_vector      bytea NOT NULL,
                step_limit      integer NOT NULL,
                uses            integer NOT NULL,
                successes       integer NOT NULL,
                demonstrations  integer NOT NULL,
                created_episode bigint NOT NULL,
                change          bigint NOT NULL,
                policy_kind     text NOT NULL,
                policy_shape    text NOT NULL,
                policy_checksum bigint NOT NULL,
                policy          bytea NOT NULL,
                UNIQUE (pre_mask, pre_values, effect_mask, effect_values),
                CHECK (uses >= 0 AND successes BETWEEN 0 AND uses AND demonstrations >= 0 AND step_limit > 0));
            -- Network weights do not compress: store them out of line as they are.
            ALTER TABLE procmem.skills ALTER COLUMN policy SET STORAGE EXTERNAL;
            CREATE TABLE procmem.demonstrations (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                skill_id   integer NOT NULL REFERENCES procmem.skills (id) ON DELETE CASCADE,
                trajectory bytea NOT NULL);
            CREATE INDEX demonstrations_by_skill ON procmem.demonstrations (skill_id, id);
            CREATE TABLE procmem.episodes (
                id             bigint PRIMARY KEY,
                environment    text NOT NULL,
                layout_seed    integer NOT NULL,
                episode_return double precision NOT NULL,
                success        boolean NOT NULL,
                trajectory     bytea NOT NULL,
                change         bigint NOT NULL);
            CREATE TABLE procmem.outcomes (
                context       integer NOT NULL,
                action        integer NOT NULL,
                moved_forward integer NOT NULL,
                moved_right   integer NOT NULL,
                turns         integer NOT NULL,
                flipped_facts bigint NOT NULL,
                count         bigint NOT NULL,
                change        bigint NOT NULL,
                PRIMARY KEY (context, action, moved_forward, moved_right, turns, flipped_facts));
            CREATE SEQUENCE procmem.client_ids;
            CREATE TABLE procmem.commit_log (
                client      bigint NOT NULL,
                sequence    bigint NOT NULL,
                change      bigint NOT NULL,
                skill_ids   integer[] NOT NULL,
                created     boolean[],
                recorded_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (client, sequence));
            CREATE INDEX commit_log_by_time ON procmem.commit_log (recorded_at);
            """),
        // Incremental reads scan only the changed rows. A separate step, as in the SQLite store, so that the
        // upgrade path is exercised by every build.
        new(2, "indexes on change numbers", """
            CREATE INDEX skills_by_change ON procmem.skills (change);
            CREATE INDEX outcomes_by_change ON procmem.outcomes (change);
            """),
        // What makes two skills one is the domain's rule: an identity column replaces UNIQUE(preconditions, effect),
        // and semantic memory becomes (context, domain-encoded payload). Every library before this one is of the grid
        // domain, whose identity and big-endian outcome payload (GridDomain) these expressions build.
        new(3, "skill identity by the domain's rule; outcomes as domain payloads", """
            ALTER TABLE procmem.skills ADD COLUMN identity text;
            UPDATE procmem.skills SET identity = format('pre %s/%s eff %s/%s',
                lpad(to_hex(pre_mask), 16, '0'), lpad(to_hex(pre_values), 16, '0'),
                lpad(to_hex(effect_mask), 16, '0'), lpad(to_hex(effect_values), 16, '0'));
            ALTER TABLE procmem.skills ALTER COLUMN identity SET NOT NULL;
            ALTER TABLE procmem.skills DROP CONSTRAINT skills_pre_mask_pre_values_effect_mask_effect_values_key;
            ALTER TABLE procmem.skills ADD CONSTRAINT skills_identity_key UNIQUE (identity);
            CREATE TABLE procmem.outcomes_v3 (
                context integer NOT NULL,
                payload bytea NOT NULL,
                count   bigint NOT NULL,
                change  bigint NOT NULL,
                CONSTRAINT outcomes_v3_pkey PRIMARY KEY (context, payload));
            INSERT INTO procmem.outcomes_v3 (context, payload, count, change)
                SELECT context, decode(lpad(to_hex(action), 8, '0') || lpad(to_hex(moved_forward), 8, '0')
                    || lpad(to_hex(moved_right), 8, '0') || lpad(to_hex(turns), 8, '0') || lpad(to_hex(flipped_facts), 16, '0'), 'hex'),
                    count, change
                FROM procmem.outcomes;
            DROP TABLE procmem.outcomes;
            ALTER TABLE procmem.outcomes_v3 RENAME TO outcomes;
            ALTER INDEX procmem.outcomes_v3_pkey RENAME TO outcomes_pkey;
            CREATE INDEX outcomes_by_change ON procmem.outcomes (change);
            """),
        // The skill lifecycle (issue 18), as in the SQLite store: retirement episode and reason (NULL while active)
        // and the counts at the start of its current trial. Added columns with constant defaults rewrite no rows.
        new(4, "skill lifecycle: retirement and trial start", """
            ALTER TABLE procmem.skills
                ADD COLUMN retired_episode bigint CHECK (retired_episode >= 0),
                ADD COLUMN retired_reason text,
                ADD COLUMN trial_start_uses integer NOT NULL DEFAULT 0,
                ADD COLUMN trial_start_successes integer NOT NULL DEFAULT 0,
                ADD CONSTRAINT skills_lifecycle_check CHECK ((retired_reason IS NULL) = (retired_episode IS NULL)
                    AND trial_start_uses >= 0 AND trial_start_successes BETWEEN 0 AND trial_start_uses);
            """),
        // A learned key model lives with the library, as in the SQLite store; NULL for the random projections before it.
        new(5, "the key model's bytes", """
            ALTER TABLE procmem.meta ADD COLUMN key_model bytea;
            """),
        // Skill variants, as in the SQLite store: a label in the identity, NULL for base skills.
        new(6, "skill variants", """
            ALTER TABLE procmem.skills ADD COLUMN variant text CHECK (variant IS NULL OR length(variant) > 0);
            """),
        // The per-context lifecycle's state, as in the SQLite store: contexts, per-context counts (increments), splits.
        new(7, "per-context lifecycle: contexts, per-context counts, splits", """
            CREATE TABLE procmem.contexts (
                number       integer PRIMARY KEY CHECK (number >= 0),
                centroid     bytea NOT NULL,
                max_contexts integer NOT NULL CHECK (max_contexts > 0),
                similarity   real NOT NULL CHECK (similarity BETWEEN -1 AND 1),
                change       bigint NOT NULL);
            CREATE TABLE procmem.skill_contexts (
                skill_id  integer NOT NULL REFERENCES procmem.skills (id) ON DELETE CASCADE,
                context   integer NOT NULL CHECK (context >= 0),
                uses      integer NOT NULL,
                successes integer NOT NULL,
                change    bigint NOT NULL,
                PRIMARY KEY (skill_id, context),
                CHECK (uses >= 0 AND successes BETWEEN 0 AND uses));
            CREATE INDEX skill_contexts_by_change ON procmem.skill_contexts (change);
            CREATE TABLE procmem.skill_splits (
                skill_id   integer NOT NULL REFERENCES procmem.skills (id) ON DELETE CASCADE,
                context    integer NOT NULL CHECK (context >= 0),
                variant_id integer REFERENCES procmem.skills (id) ON DELETE SET NULL,
                episode    bigint NOT NULL CHECK (episode >= 0),
                reason     text NOT NULL CHECK (length(reason) > 0),
                change     bigint NOT NULL,
                PRIMARY KEY (skill_id, context));
            CREATE INDEX skill_splits_by_variant ON procmem.skill_splits (variant_id);
            """),
    ];

    /// <summary>The version this build writes and the newest it reads.</summary>
    public static int CurrentVersion => Migrations.Count;
}
