namespace ProceduralMemory.Memory.Store;

/// <summary>Everything one transaction writes: new skills, changes to stored ones, semantic and episodic memory.</summary>
public sealed record LibraryCommit
{
    /// <summary>
    /// Skills to add. A skill whose preconditions and effect match a stored one is not added again: its statistics
    /// are added to the stored skill's and its demonstrations appended, and the result names the stored id.
    /// </summary>
    public IReadOnlyList<NewSkill> NewSkills { get; init; } = [];

    /// <summary>Changes to stored skills; a change to a skill that no longer exists (pruned) is dropped.</summary>
    public IReadOnlyList<SkillUpdate> Updates { get; init; } = [];

    /// <summary>Increments of outcome counts (semantic memory).</summary>
    public IReadOnlyList<OutcomeCount> OutcomeIncrements { get; init; } = [];

    /// <summary>
    /// The per-context lifecycle's changes (schema 7): contexts founded and splits made since the last commit, and
    /// increments of the per-context counts. Counts and splits of a skill that no longer exists (pruned) are dropped.
    /// </summary>
    public ContextState Contexts { get; init; } = ContextState.Empty;

    /// <summary>Episodes to record (episodic memory); each also advances the library's episode count.</summary>
    public IReadOnlyList<EpisodeRecord> Episodes { get; init; } = [];

    /// <summary>Retention: after the commit at most this many episodes remain, the newest.</summary>
    public int EpisodesToKeep { get; init; } = 1000;

    /// <summary>Retention: after the commit each touched skill keeps at most this many demonstrations, the newest.</summary>
    public int DemonstrationsToKeep { get; init; } = 48;

    /// <summary>
    /// Set when the commit restores an exported library into a new one (one that has never stored a skill; any other
    /// refuses it): new skills keep their records' ids and created episodes, and the library's episode count becomes
    /// at least this, so that exporting the result gives the export back exactly. Null: skills get new ids.
    /// </summary>
    public long? RestoreEpisodes { get; init; }

    /// <summary>
    /// Set to change the library's key model: the commit's <see cref="Updates"/> must give every stored skill a key
    /// of the new dimension (a skill missed is refused, as is a key of another length), and new skills are keyed
    /// under the new model too; the per-context state, clustered in the old key space, is dropped. Null: the key model stays.
    /// </summary>
    public KeyModelChange? Rekey { get; init; }

    /// <summary>
    /// The key model the commit's keys were made with, when the writer wants that checked: a commit whose model is not
    /// the library's (another process re-keyed it meanwhile) is refused instead of mixing keys from two models. Null:
    /// not checked.
    /// </summary>
    public string? KeysFrom { get; init; }
}
