namespace ProceduralMemory.Environments;

/// <summary>What <see cref="IEnvironment.Step"/> returns, as in Gymnasium.</summary>
/// <param name="Observation">The observation after the step (owned by the environment).</param>
/// <param name="Reward">The reward for this step.</param>
/// <param name="Terminated">The task ended (goal reached, or failed for good: lava, a wrong pick-up); no further step is allowed.</param>
/// <param name="Truncated">The time limit ended the episode; no further step is allowed.</param>
/// <param name="Info">Diagnostic information; never meant as an input to an agent.</param>
public readonly record struct StepResult(
    Observation Observation,
    double Reward,
    bool Terminated,
    bool Truncated,
    IReadOnlyDictionary<string, object> Info)
{
    /// <summary>True when the episode is over for either reason.</summary>
    public bool Done => Terminated || Truncated;

    /// <summary>
    /// The step completed the task: it terminated the episode with a positive reward. An episode can also terminate
    /// in failure (MiniGrid's lava, a wrong pick-up, <c>done</c> in the wrong place), always with no reward.
    /// </summary>
    public bool IsSuccess => Terminated && Reward > 0;
}
