namespace ProceduralMemory.Memory;

/// <summary>
/// Why and when a skill was retired: it stays in the library and its store (nothing is lost) but is no longer
/// retrieved, selected or planned with, until it is restored.
/// </summary>
/// <param name="Episode">The library's episode count when it was retired (its clock: no wall time, so a run from a seed retires the same skills at the same episodes).</param>
/// <param name="Reason">One line saying why, e.g. <c>succeeded 3 of 50 uses (6.0%), below 20% after 50 uses</c>.</param>
public sealed record SkillRetirement(long Episode, string Reason);
