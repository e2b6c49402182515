namespace ProceduralMemory.Environments;

/// <summary>What <see cref="IEnvironment.Step"/> returns, as in Gymnasium.</summary>
/// <param name="Observation">The observation after the step (owned by the environment).</param>
/// <param name="Reward">The reward for this step.</param>
/// <param name="Terminated">The task ended (goal reached); no further step is allowed.</param>
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
}
