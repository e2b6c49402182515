namespace ProceduralMemory.Memory.Store;

/// <summary>What a commit did.</summary>
/// <param name="NewSkills">For each of the commit's new skills, in order: its stored id and whether it was created (false: merged into a stored skill with the same preconditions and effect).</param>
/// <param name="Change">The change number the commit's writes carry.</param>
public sealed record CommitResult(IReadOnlyList<(int Id, bool Created)> NewSkills, long Change);
