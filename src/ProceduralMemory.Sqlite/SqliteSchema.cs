namespace ProceduralMemory.Sqlite;

/// <summary>
/// The layout of a procmem SQLite file and the ordered forward migrations that build it. A new file runs every
/// migration from version 1; an older file runs the ones it lacks, all in one transaction.
/// </summary>
/// <remarks>
/// <para>Tables (schema 7):</para>
/// <list type="bullet">
/// <item><c>schema_version(version, description)</c>: one row per applied migration; the file's version is the largest.</item>
/// <item><c>meta</c>: exactly one row: <c>manifest</c> (JSON, NULL until <c>Create</c>), <c>next_skill_id</c> (ids are
/// taken from this counter and never reused, so a pruned id never comes back), <c>episodes</c> (the library's
/// episode count, its clock for skill ages), <c>change</c> (incremented once per write transaction; every row a
/// transaction writes carries that number, which is how readers fetch only what changed), <c>key_model</c> (schema 5:
/// the bytes of the manifest's key model when its id does not describe it, a trained encoder; NULL otherwise).</item>
/// <item><c>skills</c>: definition and statistics. Masks and values are the <c>ulong</c> bits stored as
/// <c>INTEGER</c> (reinterpreted, so the top bit survives); <c>key_vector</c> is the key as little-endian
/// <c>float32</c>. <c>identity</c> (unique) is the skill's identity by the library's domain rule (the grid's:
/// preconditions plus effect), which makes a skill learned twice, by two processes, one skill. Counters are checked to stay within 0..2^31-1 and
/// successes within uses. The lifecycle (schema 4): <c>retired_episode</c> and <c>retired_reason</c> (NULL while the skill
/// is active), <c>trial_start_uses</c> and <c>trial_start_successes</c> (its counts when its current trial began: its last demonstration or restore; retirement judges the uses since). <c>variant</c> (schema 6) labels a variant of its preconditions and effect, kept beside its original (part of <c>identity</c>); NULL for a base skill.</item>
/// <item><c>policies</c>: one row per skill (<c>ON DELETE CASCADE</c>): kind, shape, checksum and bytes. Kept
/// apart from <c>skills</c> because SQLite rewrites a whole row on update: a statistics update would otherwise
/// copy the ~20 KB network of the skill it counts.</item>
/// <item><c>demonstrations</c>: trajectories (<c>TrajectoryCodec</c>) per skill (<c>ON DELETE CASCADE</c>); the
/// rowid orders them oldest first.</item>
/// <item><c>episodes</c>: episodic memory; <c>id</c> is the library's episode number (1, 2, ...).</item>
/// <item><c>outcomes</c>: semantic memory, a count per (context, payload); the payload is the domain's encoding of
/// what happened (for the grid: action, movement, flipped facts), bytes to the store.</item>
/// <item>The per-context skill lifecycle (schema 7): <c>contexts(number, centroid, max_contexts, similarity)</c>, the
/// centroids (keys as in <c>skills</c>) in founding order with the settings that founded them;
/// <c>skill_contexts(skill_id, context, uses, successes)</c>, each skill's counts per context, added as increments;
/// <c>skill_splits(skill_id, context, variant_id, episode, reason)</c>, the contexts split off from a skill, with the
/// variant bound there (NULL when none). Every row carries its <c>change</c>.</item>
/// </list>
/// <para>The policy checksum (<c>PolicyChecksum</c>) is the CRC-32C an <c>MlpWeights</c> blob ends with, or the
/// CRC-32C of an open-loop policy's bytes, so a damaged policy of either kind is reported rather than run.</para>
/// </remarks>
internal static class SqliteSchema
{
    /// <summary><c>PRAGMA application_id</c> of a procmem file: "PMEM" as a big-endian u32.</summary>
    public const int ApplicationId = 0x504D454D;

    /// <summary>The migrations in order; entry <c>i</c> produces version <c>i + 1</c>.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "skills, policies, demonstrations, episodes, outcomes", """
            CREATE TABLE schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL);
            CREATE TABLE meta (
                singleton     INTEGER PRIMARY KEY CHECK (singleton = 0),
                manifest      TEXT,
                next_skill_id INTEGER NOT NULL,
                episodes      INTEGER NOT NULL,
                change        INTEGER NOT NULL);
            INSERT INTO meta (singleton, manifest, next_skill_id, episodes, change) VALUES (0, NULL, 0, 0, 0);
            CREATE TABLE skills (
                id              INTEGER PRIMARY KEY,
                name            TEXT NOT NULL,
                pre_mask        INTEGER NOT NULL,
                pre_values      INTEGER NOT NULL,
                effect_mask     INTEGER NOT NULL,
                effect_values   INTEGER NOT NULL,
                key_vector      BLOB NOT NULL,
                step_limit      INTEGER NOT NULL,
                uses            INTEGER NOT NULL,
                successes       INTEGER NOT NULL,
                demonstrations  INTEGER NOT NULL,
                created_episode INTEGER NOT NULL,
                change          INTEGER NOT NULL,
                UNIQUE (pre_mask, pre_values, effect_mask, effect_values),
                CHECK (uses BETWEEN 0 AND 2147483647 AND successes BETWEEN 0 AND uses
                       AND demonstrations BETWEEN 0 AND 2147483647 AND step_limit > 0));
            CREATE TABLE policies (
                skill_id INTEGER PRIMARY KEY REFERENCES skills (id) ON DELETE CASCADE,
                kind     TEXT NOT NULL,
                shape    TEXT NOT NULL,
                checksum INTEGER NOT NULL,
                data     BLOB NOT NULL);
            CREATE TABLE demonstrations (
                id         INTEGER PRIMARY KEY,
                skill_id   INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
                trajectory BLOB NOT NULL);
            CREATE INDEX demonstrations_by_skill ON demonstrations (skill_id, id);
            CREATE TABLE episodes (
                id             INTEGER PRIMARY KEY,
                environment    TEXT NOT NULL,
                layout_seed    INTEGER NOT NULL,
                episode_return REAL NOT NULL,
                success        INTEGER NOT NULL,
                trajectory     BLOB NOT NULL,
                change         INTEGER NOT NULL);
            CREATE TABLE outcomes (
                context       INTEGER NOT NULL,
                action        INTEGER NOT NULL,
                moved_forward INTEGER NOT NULL,
                moved_right   INTEGER NOT NULL,
                turns         INTEGER NOT NULL,
                flipped_facts INTEGER NOT NULL,
                count         INTEGER NOT NULL,
                change        INTEGER NOT NULL,
                PRIMARY KEY (context, action, moved_forward, moved_right, turns, flipped_facts)) WITHOUT ROWID;
            """),
        // Incremental reads (ReadChanges since a recent change) scan only the changed rows. A separate step so that
        // the upgrade path is exercised by every build, not only by the first real schema change.
        new(2, "indexes on change numbers", """
            CREATE INDEX skills_by_change ON skills (change);
            CREATE INDEX outcomes_by_change ON outcomes (change);
            """),
        // What makes two skills one is the domain's rule, not a fixed constraint: an identity column replaces
        // UNIQUE(preconditions, effect), and semantic memory becomes (context, domain-encoded payload). SQLite cannot
        // drop a constraint, so skills is rebuilt; its children are rebuilt first and dropped before it, because
        // dropping a parent with foreign keys on would cascade into them. Every library before this one is of the
        // grid domain, whose identity and outcome payload (GridDomain) these expressions build.
        new(3, "skill identity by the domain's rule; outcomes as domain payloads", """
            CREATE TABLE skills_v3 (
                id              INTEGER PRIMARY KEY,
                name            TEXT NOT NULL,
                identity        TEXT NOT NULL UNIQUE,
                pre_mask        INTEGER NOT NULL,
                pre_values      INTEGER NOT NULL,
                effect_mask     INTEGER NOT NULL,
                effect_values   INTEGER NOT NULL,
                key_vector      BLOB NOT NULL,
                step_limit      INTEGER NOT NULL,
                uses            INTEGER NOT NULL,
                successes       INTEGER NOT NULL,
                demonstrations  INTEGER NOT NULL,
                created_episode INTEGER NOT NULL,
                change          INTEGER NOT NULL,
                CHECK (uses BETWEEN 0 AND 2147483647 AND successes BETWEEN 0 AND uses
                       AND demonstrations BETWEEN 0 AND 2147483647 AND step_limit > 0));
            INSERT INTO skills_v3 (id, name, identity, pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit,
                                   uses, successes, demonstrations, created_episode, change)
                SELECT id, name, printf('pre %016x/%016x eff %016x/%016x', pre_mask, pre_values, effect_mask, effect_values),
                       pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit,
                       uses, successes, demonstrations, created_episode, change
                FROM skills;
            CREATE TABLE policies_v3 (
                skill_id INTEGER PRIMARY KEY REFERENCES skills_v3 (id) ON DELETE CASCADE,
                kind     TEXT NOT NULL,
                shape    TEXT NOT NULL,
                checksum INTEGER NOT NULL,
                data     BLOB NOT NULL);
            INSERT INTO policies_v3 (skill_id, kind, shape, checksum, data) SELECT skill_id, kind, shape, checksum, data FROM policies;
            CREATE TABLE demonstrations_v3 (
                id         INTEGER PRIMARY KEY,
                skill_id   INTEGER NOT NULL REFERENCES skills_v3 (id) ON DELETE CASCADE,
                trajectory BLOB NOT NULL);
            INSERT INTO demonstrations_v3 (id, skill_id, trajectory) SELECT id, skill_id, trajectory FROM demonstrations;
            DROP TABLE demonstrations;
            DROP TABLE policies;
            DROP TABLE skills;
            ALTER TABLE skills_v3 RENAME TO skills;
            ALTER TABLE policies_v3 RENAME TO policies;
            ALTER TABLE demonstrations_v3 RENAME TO demonstrations;
            CREATE INDEX demonstrations_by_skill ON demonstrations (skill_id, id);
            CREATE INDEX skills_by_change ON skills (change);
            CREATE TABLE outcomes_v3 (
                context INTEGER NOT NULL,
                payload BLOB NOT NULL,
                count   INTEGER NOT NULL,
                change  INTEGER NOT NULL,
                PRIMARY KEY (context, payload)) WITHOUT ROWID;
            INSERT INTO outcomes_v3 (context, payload, count, change)
                SELECT context, unhex(printf('%08x%08x%08x%08x%016x', action & 4294967295, moved_forward & 4294967295,
                                             moved_right & 4294967295, turns & 4294967295, flipped_facts)), count, change
                FROM outcomes;
            DROP TABLE outcomes;
            ALTER TABLE outcomes_v3 RENAME TO outcomes;
            CREATE INDEX outcomes_by_change ON outcomes (change);
            """),
        // The skill lifecycle (issue 18): a retired skill keeps its row, marked by the episode and reason of its
        // retirement (both NULL while active); the trial start is what its uses and successes were when its current
        // trial began (its last demonstration or restore), so that retirement judges only the uses since. Old skills
        // are active, their trial counted from creation.
        new(4, "skill lifecycle: retirement and trial start", """
            ALTER TABLE skills ADD COLUMN retired_episode INTEGER CHECK (retired_episode >= 0);
            ALTER TABLE skills ADD COLUMN retired_reason TEXT CHECK ((retired_reason IS NULL) = (retired_episode IS NULL));
            ALTER TABLE skills ADD COLUMN trial_start_uses INTEGER NOT NULL DEFAULT 0 CHECK (trial_start_uses >= 0);
            ALTER TABLE skills ADD COLUMN trial_start_successes INTEGER NOT NULL DEFAULT 0 CHECK (trial_start_successes BETWEEN 0 AND trial_start_uses);
            """),
        // A learned key model (issue 18) lives with the library whose keys it made, written in the same transaction
        // as the manifest that names it and the keys it gave. Old libraries are keyed by a random projection, which
        // its id describes: NULL.
        new(5, "the key model's bytes", """
            ALTER TABLE meta ADD COLUMN key_model BLOB;
            """),
        // A variant of a skill (issue 18: adaptation, per-context splits) is stored beside its original: its label is
        // part of the identity column, which old rows keep unchanged as base skills (NULL).
        new(6, "skill variants", """
            ALTER TABLE skills ADD COLUMN variant TEXT CHECK (variant IS NULL OR length(variant) > 0);
            """),
        // The per-context lifecycle (issue 18) outlives a run: the contexts (leader clusters of the key space, numbered
        // in founding order, with the settings they were founded under), each skill's counts per context (added as
        // increments, like the skill's own) and the split marks. Counts and splits go with their skill; a split's
        // variant pruned leaves the mark without one. Old libraries have no contexts: three empty tables.
        new(7, "per-context lifecycle: contexts, per-context counts, splits", """
            CREATE TABLE contexts (
                number       INTEGER PRIMARY KEY CHECK (number >= 0),
                centroid     BLOB NOT NULL,
                max_contexts INTEGER NOT NULL CHECK (max_contexts > 0),
                similarity   REAL NOT NULL CHECK (similarity BETWEEN -1 AND 1),
                change       INTEGER NOT NULL);
            CREATE TABLE skill_contexts (
                skill_id  INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
                context   INTEGER NOT NULL CHECK (context >= 0),
                uses      INTEGER NOT NULL,
                successes INTEGER NOT NULL,
                change    INTEGER NOT NULL,
                PRIMARY KEY (skill_id, context),
                CHECK (uses BETWEEN 0 AND 2147483647 AND successes BETWEEN 0 AND uses)) WITHOUT ROWID;
            CREATE INDEX skill_contexts_by_change ON skill_contexts (change);
            CREATE TABLE skill_splits (
                skill_id   INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
                context    INTEGER NOT NULL CHECK (context >= 0),
                variant_id INTEGER REFERENCES skills (id) ON DELETE SET NULL,
                episode    INTEGER NOT NULL CHECK (episode >= 0),
                reason     TEXT NOT NULL CHECK (length(reason) > 0),
                change     INTEGER NOT NULL,
                PRIMARY KEY (skill_id, context));
            CREATE INDEX skill_splits_by_variant ON skill_splits (variant_id);
            """),
    ];

    /// <summary>The version this build writes and the newest it reads.</summary>
    public static int CurrentVersion => Migrations.Count;
}
