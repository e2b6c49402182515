namespace ProceduralMemory.Memory.Store;

/// <summary>A consistent read of what changed in a store after some change number.</summary>
/// <param name="Change">The store's latest change number: pass it to the next read to get only newer changes.</param>
/// <param name="Episodes">Episodes the library has run so far (its clock for skill ages).</param>
/// <param name="EpisodesKept">Episodes currently kept in episodic memory.</param>
/// <param name="Skills">Skills written after the given change number, by id.</param>
/// <param name="Outcomes">Outcome counts (totals) written after the given change number.</param>
/// <param name="SkillIds">The ids of every stored skill, ascending (so a reader can drop skills pruned elsewhere).</param>
public sealed record LibraryChanges(long Change, long Episodes, int EpisodesKept, IReadOnlyList<SkillRecord> Skills,
    IReadOnlyList<OutcomeCount> Outcomes, IReadOnlyList<int> SkillIds)
{
    /// <summary>The per-context lifecycle's contexts, counts (totals) and splits written after the given change number.</summary>
    public ContextState Contexts { get; init; } = ContextState.Empty;
}
