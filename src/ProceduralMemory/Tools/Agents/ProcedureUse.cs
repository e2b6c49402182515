using ProceduralMemory.Memory;

namespace ProceduralMemory.Tools.Agents;

/// <summary>One procedure tried for one clause of a task.</summary>
/// <param name="Clause">The clause.</param>
/// <param name="Skill">The procedure's skill.</param>
/// <param name="Similarity">The clause's cosine similarity to the skill's key.</param>
/// <param name="Completed">True when every step ran (its state change made, or found made already).</param>
/// <param name="Failure">Why it stopped, when it did not complete.</param>
public sealed record ProcedureUse(string Clause, Skill Skill, float Similarity, bool Completed, string? Failure);
