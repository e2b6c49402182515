namespace ProceduralMemory.Agents;

/// <summary>How one episode went.</summary>
/// <param name="Return">The sum of rewards.</param>
/// <param name="Steps">Environment steps taken.</param>
/// <param name="Success">The task was completed: the episode terminated with a reward (<see cref="Environments.StepResult.IsSuccess"/>).</param>
/// <param name="SkillUses">Skill executions started.</param>
public readonly record struct EpisodeSummary(double Return, int Steps, bool Success, int SkillUses);
