using ProceduralMemory.Environments;

namespace ProceduralMemory.Learning;

/// <summary>A stretch of experience from one sub-goal boundary to the next, with its loops cut out.</summary>
/// <param name="Preconditions">The sub-goal facts at the segment's start.</param>
/// <param name="Effect">The sub-goal facts the segment changed, with their new values.</param>
/// <param name="Steps">The steps, loop-free: no (pose, facts) state occurs twice.</param>
public sealed record Segment(FactCondition Preconditions, FactCondition Effect, IReadOnlyList<AgentStep> Steps);
