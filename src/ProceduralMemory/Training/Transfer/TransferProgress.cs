namespace ProceduralMemory.Training.Transfer;

/// <summary>One evaluation made during a <see cref="TransferRun"/>, for progress reports.</summary>
/// <param name="Seed">The training seed.</param>
/// <param name="Task">The task evaluated.</param>
/// <param name="Phase">What the evaluation was for: <see cref="WithMemory"/>, <see cref="FromScratch"/> or <see cref="Retention"/>.</param>
/// <param name="TrainingSteps">Training steps spent on the task so far (for retention, on the task just learned).</param>
/// <param name="NormalisedReturn">The held-out return on the task's scale.</param>
public sealed record TransferProgress(int Seed, string Task, string Phase, int TrainingSteps, double NormalisedReturn)
{
    /// <summary>Training on the task with the memory of the tasks before it.</summary>
    public const string WithMemory = "with memory";

    /// <summary>Training on the task with a fresh learner.</summary>
    public const string FromScratch = "from scratch";

    /// <summary>An earlier task re-evaluated after a later one was learned.</summary>
    public const string Retention = "retention";
}
