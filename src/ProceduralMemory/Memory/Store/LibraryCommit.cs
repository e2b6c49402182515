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
}
