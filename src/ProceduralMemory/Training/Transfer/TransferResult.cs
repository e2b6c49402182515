namespace ProceduralMemory.Training.Transfer;

/// <summary>One learner taken through a curriculum with one training seed (<see cref="TransferRun.Run"/>).</summary>
/// <param name="Learner">The learner's name.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Tasks">Each task, in training order.</param>
/// <param name="Retention">
/// Row <c>k</c>, after training on task <c>k</c>: for each task <c>j &lt;= k</c>, its return now over its return when it
/// was learned (<see cref="TaskTransfer.LearnedReturn"/>); null where that was 0.
/// </param>
public sealed record TransferResult(string Learner, int Seed, IReadOnlyList<TaskTransfer> Tasks, IReadOnlyList<IReadOnlyList<double?>> Retention)
{
    /// <summary>Each earlier task's retention after the whole curriculum (the last row), without the last task's own 1.</summary>
    public IReadOnlyList<double?> FinalRetention => Retention.Count == 0 ? [] : Retention[^1].Take(Retention.Count - 1).ToArray();
}
