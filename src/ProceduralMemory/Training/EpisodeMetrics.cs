namespace ProceduralMemory.Training;

/// <summary>What one training episode measured, as printed per episode and charted.</summary>
/// <param name="Episode">1-based episode number.</param>
/// <param name="Reward">The episode's return (sum of rewards).</param>
/// <param name="Steps">Environment steps taken.</param>
/// <param name="Skills">Skills in the library at the end of the episode.</param>
/// <param name="Success">The task was completed (terminated, not truncated).</param>
/// <param name="SkillUses">Skill executions during the episode.</param>
/// <param name="CumulativeSkillUses">Skill executions from the first episode up to this one.</param>
public sealed record EpisodeMetrics(int Episode, double Reward, int Steps, int Skills, bool Success, int SkillUses, int CumulativeSkillUses);
