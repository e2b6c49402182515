using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Learning;

/// <summary>One step as the learning agent experienced it: where it believed it was, what it perceived, what it did.</summary>
/// <param name="Pose">The agent's pose before acting.</param>
/// <param name="Facts">The observed facts before acting.</param>
/// <param name="Features">The perceived features before acting (observation plus memory).</param>
/// <param name="Action">The action taken.</param>
/// <param name="Reward">The reward that followed.</param>
/// <param name="NextFacts">The observed facts after acting.</param>
public sealed record AgentStep(AgentPose Pose, ulong Facts, float[] Features, int Action, double Reward, ulong NextFacts);
