namespace ProceduralMemory.Environments;

/// <summary>Totals of a <see cref="RandomRollout"/>.</summary>
/// <param name="Episodes">Episodes run.</param>
/// <param name="Steps">Steps taken over all episodes.</param>
/// <param name="Terminated">Episodes that the task ended (success or failure, e.g. the goal or lava).</param>
/// <param name="Truncated">Episodes that ended by the time limit alone.</param>
/// <param name="TotalReward">The sum of all rewards.</param>
/// <param name="Succeeded">Episodes that ended by completing the task (<see cref="StepResult.IsSuccess"/>).</param>
public readonly record struct RolloutSummary(int Episodes, long Steps, int Terminated, int Truncated, double TotalReward, int Succeeded);
