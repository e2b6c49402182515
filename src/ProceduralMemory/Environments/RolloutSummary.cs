namespace ProceduralMemory.Environments;

/// <summary>Totals of a <see cref="RandomRollout"/>.</summary>
/// <param name="Episodes">Episodes run.</param>
/// <param name="Steps">Steps taken over all episodes.</param>
/// <param name="Terminated">Episodes that ended by reaching the task's end (e.g. the goal).</param>
/// <param name="Truncated">Episodes that ended by the time limit alone.</param>
/// <param name="TotalReward">The sum of all rewards.</param>
public readonly record struct RolloutSummary(int Episodes, long Steps, int Terminated, int Truncated, double TotalReward);
