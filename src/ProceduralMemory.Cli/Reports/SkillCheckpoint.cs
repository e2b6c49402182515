using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>Every skill of the library at one evaluation of a training run, so a report can chart each one over training.</summary>
/// <param name="TrainingSteps">Training steps at the evaluation.</param>
/// <param name="TrainingEpisodes">Training episodes at the evaluation.</param>
/// <param name="Skills">The skills, by id.</param>
internal sealed record SkillCheckpoint(int TrainingSteps, int TrainingEpisodes, IReadOnlyList<SkillSnapshot> Skills)
{
    /// <summary>The skills <paramref name="agent"/> holds at <paramref name="point"/>.</summary>
    public static SkillCheckpoint Of(LearningCurvePoint point, ProceduralMemoryAgent agent, FactSchema facts) =>
        new(point.TrainingSteps, point.TrainingEpisodes, [.. agent.Library.Skills.OrderBy(s => s.Id).Select(s => SkillSnapshot.Of(s, agent, facts))]);
}
