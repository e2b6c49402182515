namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Uses and successes of skill <paramref name="SkillId"/> in context <paramref name="Context"/>. In a commit they are
/// increments, added atomically (as a skill's own counts are), so agents sharing a library add up; read back, totals.
/// </summary>
public readonly record struct ContextCount(int SkillId, int Context, int Uses, int Successes);
