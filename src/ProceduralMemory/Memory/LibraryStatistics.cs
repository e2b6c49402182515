namespace ProceduralMemory.Memory;

/// <summary>A summary of a <see cref="SkillLibrary"/>.</summary>
/// <param name="TotalSkills">Skills stored.</param>
/// <param name="TotalUses">Executions over all skills.</param>
/// <param name="TotalSuccesses">Successful executions over all skills.</param>
/// <param name="TotalDemonstrations">Demonstrations over all skills (creations plus merges).</param>
/// <param name="AverageSuccessRate">The mean success rate of the skills that have been used (0 if none): in [0, 1].</param>
public readonly record struct LibraryStatistics(
    int TotalSkills, int TotalUses, int TotalSuccesses, int TotalDemonstrations, double AverageSuccessRate);
