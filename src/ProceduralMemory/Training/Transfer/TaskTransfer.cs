namespace ProceduralMemory.Training.Transfer;

/// <summary>How one task of a curriculum went, for one training seed; returns are normalised (<see cref="TaskYardstick"/>).</summary>
/// <param name="Task">The environment's name.</param>
/// <param name="ZeroShot">The return before any training on the task, with the memory of the tasks before it.</param>
/// <param name="StepsWithMemory">Training steps until the target held with that memory, or null if it never did within the budget.</param>
/// <param name="StepsFromScratch">The same for a fresh learner (no memory) on the same layouts, or null.</param>
/// <param name="LearnedReturn">The return at the end of training on the task with memory: what retention is measured against.</param>
/// <param name="ScratchReturn">The return at the end of training on the task from scratch.</param>
/// <param name="WithMemory">The learning curve with memory (raw returns).</param>
/// <param name="FromScratch">The learning curve from scratch (raw returns).</param>
public sealed record TaskTransfer(string Task, double ZeroShot, int? StepsWithMemory, int? StepsFromScratch, double LearnedReturn,
    double ScratchReturn, IReadOnlyList<LearningCurvePoint> WithMemory, IReadOnlyList<LearningCurvePoint> FromScratch)
{
    /// <summary>
    /// Steps with memory over steps from scratch (below 1: memory helped), or null when either never reached the
    /// target; 0 when the target held before any training.
    /// </summary>
    public double? TransferRatio => StepsWithMemory is { } with && StepsFromScratch is > 0 and { } scratch ? (double)with / scratch : null;
}
