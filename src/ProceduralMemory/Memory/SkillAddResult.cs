namespace ProceduralMemory.Memory;

/// <summary>The outcome of <see cref="SkillLibrary.Add"/>.</summary>
/// <param name="Skill">The stored skill: the new one, or the existing one it merged into.</param>
/// <param name="Merged">True when the candidate was a near-duplicate and was merged rather than stored.</param>
/// <param name="Similarity">The cosine similarity to the merge target (0 when nothing was merged).</param>
public readonly record struct SkillAddResult(Skill Skill, bool Merged, float Similarity);
