using ProceduralMemory.Environments;

namespace ProceduralMemory.Training;

/// <summary>One recorded step of an episode: what was observed, what was done, and what followed.</summary>
/// <param name="Before">The observation the action was chosen from (a snapshot).</param>
/// <param name="Action">The action taken.</param>
/// <param name="Reward">The reward received.</param>
/// <param name="After">The observation after the step (a snapshot).</param>
/// <param name="Terminated">The step ended the task.</param>
/// <param name="Truncated">The step hit the time limit.</param>
public sealed record Transition(Observation Before, int Action, double Reward, Observation After, bool Terminated, bool Truncated);
