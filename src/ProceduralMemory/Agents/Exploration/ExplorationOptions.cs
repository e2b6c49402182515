namespace ProceduralMemory.Agents.Exploration;

/// <summary>How an explorer looks ahead and judges what actions do (part of the agent's options).</summary>
public sealed record ExplorationOptions
{
    /// <summary>Actions looked ahead through what has been learned of their outcomes.</summary>
    public int Lookahead { get; init; } = 3;

    /// <summary>Weight of novelty one action further ahead (below 1: nearer novelty counts more).</summary>
    public double Discount { get; init; } = 0.8;

    /// <summary>
    /// An action "usually" loses a fact when more than this share of its tries in a context lost it; a running skill
    /// then takes its next choice instead (it does not drop the key it needs).
    /// </summary>
    public double LosingShare { get; init; } = 0.5;

    /// <summary>
    /// The most imagined states a plan searches, breadth-first through the learned outcomes, for the nearest place
    /// worth going (0: no planning, the lookahead alone). 4,096 covers every pose of a 32x32 grid.
    /// </summary>
    public int PlanningStates { get; init; } = 4096;

    /// <summary>
    /// Whether, while not learning (evaluating), the explorer remembers within an episode what it saw each action do
    /// in each context it had not learned, and forgets it when the episode ends: otherwise an action never learned
    /// there stays "never tried" and is retried forever.
    /// </summary>
    public bool RememberWhileEvaluating { get; init; } = true;
}
