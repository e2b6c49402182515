namespace ProceduralMemory.Agents;

/// <summary>
/// An agent that learns on an environment it was created for, one episode at a time: the common shape of the
/// procedural memory agent and every baseline, so one harness trains and evaluates them all alike.
/// </summary>
public interface ILearningAgent
{
    /// <summary>The agent's name in reports (<c>procmem</c>, <c>random</c>, <c>qlearning</c>, ...).</summary>
    string Name { get; }

    /// <summary>
    /// Plays one episode on the layout of <paramref name="layoutSeed"/>, taking at most <paramref name="maxSteps"/>
    /// steps. With <paramref name="learn"/> it learns from the episode; without, it acts greedily and changes nothing
    /// it keeps between episodes.
    /// </summary>
    EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn);
}
