namespace ProceduralMemory.Agents.Seed;

/// <summary>What one episode of the <see cref="SeedAgent"/> produced.</summary>
/// <param name="Reward">The episode's return.</param>
/// <param name="Steps">Environment steps taken.</param>
/// <param name="Success">The task was completed.</param>
/// <param name="SkillUses">Skill executions during the episode.</param>
public readonly record struct EpisodeOutcome(double Reward, int Steps, bool Success, int SkillUses);
