using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory;

/// <summary>What a <see cref="SkillMerge"/> made: the merged skill and its retrained module, and chains renamed to it.</summary>
/// <param name="Skill">The merged skill: the target, updated in place, or a new skill not yet in a library (id -1).</param>
/// <param name="Module">Its module, retrained once on the pooled demonstrations.</param>
/// <param name="IsNew">Whether <paramref name="Skill"/> is a new skill, to be added to the library (and store).</param>
/// <param name="NewDemonstrations">The demonstrations it gained, oldest first: for a new skill all it keeps, for a target the others' (what a store appends).</param>
public sealed record MergedSkill(Skill Skill, SkillModule Module, bool IsNew, IReadOnlyList<IReadOnlyList<AgentStep>> NewDemonstrations)
{
    /// <summary>New chains naming the merged skill, replacing chains that named an absorbed one (no ids yet; no modules).</summary>
    public IReadOnlyList<Skill> Chains { get; init; } = [];

    /// <summary>The chains the merge retired, each replaced by one of <see cref="Chains"/> (or by a chain the library held already).</summary>
    public IReadOnlyList<Skill> RetiredChains { get; init; } = [];

    /// <summary>Every new skill the merge made, to add to the library (and store) in this order: the merged skill when new, then the chains.</summary>
    public IEnumerable<Skill> NewSkills => (IsNew ? [Skill] : Array.Empty<Skill>()).Concat(Chains);
}
