namespace ProceduralMemory.Agents.Baselines;

/// <summary>Every hyper-parameter of the <see cref="QLearningAgent"/>, in one place.</summary>
public sealed record QLearningOptions
{
    /// <summary>The step size of each update.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>The discount of future reward per step.</summary>
    public double Discount { get; init; } = 0.99;

    /// <summary>The chance of a random action at the start of training ...</summary>
    public double EpsilonStart { get; init; } = 1.0;

    /// <summary>... falling linearly to this ...</summary>
    public double EpsilonEnd { get; init; } = 0.05;

    /// <summary>
    /// ... over this many training steps, and staying there; when the harness gives a training budget
    /// (<see cref="ITrainingBudgetAware"/>), over <see cref="EpsilonDecayShare"/> of it instead.
    /// </summary>
    public int EpsilonDecaySteps { get; init; } = 10_000;

    /// <summary>
    /// The share of the training budget over which epsilon falls to <see cref="EpsilonEnd"/>: by default half, so the
    /// second half of any budget exploits what the first half found, whether the budget is 5,000 steps or 500,000.
    /// </summary>
    public double EpsilonDecayShare { get; init; } = 0.5;

    /// <summary>
    /// The value of every action in a state not yet in the table. Zero by default: a greedy policy then prefers what
    /// has paid off over what was never tried, which is what evaluation on unseen layouts needs; an optimistic value
    /// explores more systematically but makes the greedy policy chase untried actions.
    /// </summary>
    public double InitialValue { get; init; }

    /// <summary>The seed of every random choice made while training.</summary>
    public ulong Seed { get; init; }
}
