namespace ProceduralMemory.Training.Transfer;

/// <summary>A curriculum and how each of its tasks is trained and judged (<see cref="TransferRun"/>).</summary>
public sealed record TransferPlan
{
    /// <summary>The registered environment names, in training order.</summary>
    public required IReadOnlyList<string> Tasks { get; init; }

    /// <summary>The most training steps spent on one task; a task whose target holds sooner moves on then.</summary>
    public required int StepsPerTask { get; init; }

    /// <summary>Training steps between held-out evaluations while a task trains.</summary>
    public required int CheckpointEvery { get; init; }

    /// <summary>Seeds whose distinct layouts are each task's held-out test layouts (<see cref="LayoutSplit.Of"/>).</summary>
    public required IReadOnlyCollection<int> EvaluationSeeds { get; init; }

    /// <summary>The normalised return a task must hold (<see cref="TargetRule"/>) to count as learned.</summary>
    public double Target { get; init; } = 0.9;

    /// <summary>
    /// Whether to score returns against each task's shortest plans (<see cref="Environments.ShortestPlans"/>); when
    /// false, or when the plans' search gives up on some layout, a task is scored on its raw return.
    /// </summary>
    public bool NormaliseByShortestPlans { get; init; } = true;
}
