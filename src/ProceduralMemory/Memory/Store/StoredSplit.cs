namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A split mark as a store keeps it: context <paramref name="Context"/> was split off from skill
/// <paramref name="SkillId"/> at library episode <paramref name="Episode"/> because of <paramref name="Reason"/>;
/// <paramref name="VariantId"/> is the variant bound there, or null when none was made (or it was pruned since).
/// </summary>
public sealed record StoredSplit(int SkillId, int Context, int? VariantId, long Episode, string Reason);
