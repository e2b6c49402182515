namespace ProceduralMemory.Training;

/// <summary>How long to train, on which layouts, and when to evaluate on which held-out layouts.</summary>
public sealed record TrainingPlan
{
    /// <summary>The environment-step budget (training stops before exceeding it).</summary>
    public int MaxSteps { get; init; } = int.MaxValue;

    /// <summary>The episode budget.</summary>
    public int MaxEpisodes { get; init; } = int.MaxValue;

    /// <summary>Which training layouts, in which order.</summary>
    public int TrainingSeed { get; init; }

    /// <summary>Held-out layouts for evaluation, split by seed (<see cref="LayoutSplit.BySeed"/>) when no <see cref="Split"/> is given.</summary>
    public IReadOnlyCollection<int> EvaluationSeeds { get; init; } = [];

    /// <summary>
    /// Which layouts are held out by content and which of them evaluation plays (<see cref="LayoutSplit.Of"/>); when
    /// given, <see cref="EvaluationSeeds"/> is not used.
    /// </summary>
    public LayoutSplit? Split { get; init; }

    /// <summary>The most steps one episode may take (the environment's own limit).</summary>
    public required int EpisodeStepLimit { get; init; }

    /// <summary>Training steps between evaluations (also one before training); 0 evaluates only at the end.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>
    /// Checked after every evaluation with the curve so far (the one before training included): true ends training
    /// there. Null trains for the whole budget.
    /// </summary>
    public Func<IReadOnlyList<LearningCurvePoint>, bool>? StopWhen { get; init; }
}
