namespace ProceduralMemory.Learning;

/// <summary>One step as the learning agent experienced it: the state it perceived, what it believed, what it did.</summary>
/// <param name="State">The perception's opaque key of the state before acting (equal keys: states the agent cannot tell apart).</param>
/// <param name="Facts">The perceived facts before acting.</param>
/// <param name="Features">The perceived features before acting (observation plus memory).</param>
/// <param name="Action">The action taken.</param>
/// <param name="Reward">The reward that followed.</param>
/// <param name="NextFacts">The perceived facts after acting.</param>
public sealed record AgentStep(long State, ulong Facts, float[] Features, int Action, double Reward, ulong NextFacts);
