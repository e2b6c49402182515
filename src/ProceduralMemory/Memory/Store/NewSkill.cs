using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>A skill to add to a store (its record's id is ignored) and the demonstrations it comes with.</summary>
/// <param name="Skill">The skill's definition and statistics.</param>
/// <param name="Demonstrations">Demonstrations to keep with it, oldest first.</param>
public sealed record NewSkill(SkillRecord Skill, IReadOnlyList<IReadOnlyList<AgentStep>> Demonstrations);
