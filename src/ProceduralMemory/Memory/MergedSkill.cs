using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory;

/// <summary>What a <see cref="SkillMerge"/> made: the merged skill and its retrained module.</summary>
/// <param name="Skill">The merged skill: the target, updated in place, or a new skill not yet in a library (id -1).</param>
/// <param name="Module">Its module, retrained once on the pooled demonstrations.</param>
/// <param name="IsNew">Whether <paramref name="Skill"/> is a new skill, to be added to the library (and store).</param>
/// <param name="NewDemonstrations">The demonstrations it gained, oldest first: for a new skill all it keeps, for a target the others' (what a store appends).</param>
public sealed record MergedSkill(Skill Skill, SkillModule Module, bool IsNew, IReadOnlyList<IReadOnlyList<AgentStep>> NewDemonstrations);
