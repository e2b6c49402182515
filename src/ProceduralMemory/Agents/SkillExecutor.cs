using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents;

/// <summary>Runs a skill as an option: its policy acts until its termination condition or the episode ends.</summary>
public static class SkillExecutor
{
    /// <summary>Executes <paramref name="skill"/> in the episode being recorded; returns the steps it took.</summary>
    public static int Execute(Skill skill, EpisodeRecorder episode)
    {
        int steps = 0;
        while (!episode.IsOver
               && !skill.Termination.ShouldStop(episode.Observation.Facts, steps)
               && skill.Policy.ChooseAction(episode.Observation, steps) is int action)
        {
            episode.Step(action);
            steps++;
        }
        return steps;
    }
}
