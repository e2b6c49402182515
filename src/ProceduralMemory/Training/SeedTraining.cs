using ProceduralMemory.Agents.Seed;

namespace ProceduralMemory.Training;

/// <summary>The seed tutorial's training loop: a number of episodes, each measured.</summary>
public static class SeedTraining
{
    /// <summary>The seed's number of episodes.</summary>
    public const int DefaultEpisodes = 15;

    /// <summary>Runs <paramref name="episodes"/> episodes of <paramref name="agent"/>, yielding each one's metrics as it ends.</summary>
    public static IEnumerable<EpisodeMetrics> Run(SeedAgent agent, int episodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(episodes);
        int cumulativeUses = 0;
        for (int i = 1; i <= episodes; i++)
        {
            EpisodeOutcome outcome = agent.RunEpisode();
            cumulativeUses += outcome.SkillUses;
            yield return new EpisodeMetrics(i, outcome.Reward, outcome.Steps, agent.Library.Count, outcome.Success,
                outcome.SkillUses, cumulativeUses);
        }
    }
}
