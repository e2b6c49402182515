using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Neural;
using ProceduralMemory.Training.SkillRetrieval;

namespace ProceduralMemory.Training.Adaptation;

/// <summary>
/// A skill's network acting on its own, closed-loop: the teacher's plan is replayed up to where one of its pieces
/// begins, then the network chooses every action (its most likely one) from what the agent perceives, until the
/// piece's effect holds or the step limit passes. No planner, no explorer: the module itself is measured.
/// </summary>
public static class SkillRollout
{
    /// <summary>The step limit is this many times the teacher's piece ...</summary>
    public const int StepLimitFactor = 2;

    /// <summary>... plus this many steps (the agent's own defaults for a skill's execution).</summary>
    public const int StepLimitSlack = 10;

    /// <summary>
    /// The return of <paramref name="network"/> acting for piece <paramref name="piece"/> of <paramref name="episode"/>:
    /// MiniGrid's <c>1 − 0.9 · steps / limit</c> when the effect is reached within the limit, else 0.
    /// </summary>
    /// <param name="network">The skill's network; used from this thread only.</param>
    /// <param name="environment">An instance of the episode's task, reset here.</param>
    /// <param name="episode">The teacher's episode.</param>
    /// <param name="piece">Which of its pieces.</param>
    public static double Return(Mlp network, IEnvironment environment, ExpertEpisode episode, int piece)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(episode);
        IReadOnlyList<Learning.AgentStep> steps = episode.Demonstrations[piece].Steps;
        ulong subgoals = environment.Facts.MaskOf([.. environment.Facts.Subgoals]);
        ulong effect = steps[^1].NextFacts & ~steps[0].Facts & subgoals;
        int limit = StepLimitFactor * steps.Count + StepLimitSlack;

        IPerception perception = Perceptions.For(environment);
        perception.Reset(environment.Reset(episode.LayoutSeed).Observation);
        for (int i = 0; i < episode.Starts[piece]; i++)
        {
            int action = episode.Plan[i];
            perception.Observe(action, environment.Step(action).Observation);
        }
        var features = new float[perception.FeatureCount];
        for (int t = 1; t <= limit; t++)
        {
            perception.WriteFeatures(features);
            int action = network.Predict(features);
            StepResult result = environment.Step(action);
            perception.Observe(action, result.Observation);
            if ((perception.Facts.Bits & effect) == effect)
                return 1 - 0.9 * t / limit;
            if (result.Terminated || result.Truncated)
                return 0;
        }
        return 0;
    }

    /// <summary>
    /// The best return a piece of <paramref name="length"/> steps allows, the teacher's (its plan is a shortest one):
    /// returns are normalised by it, so that a long piece on a large task is not counted as worse played.
    /// </summary>
    public static double Optimum(int length) => 1 - 0.9 * length / (StepLimitFactor * length + StepLimitSlack);

    /// <summary>
    /// The mean normalised return (<see cref="Return"/> / <see cref="Optimum"/>, 1 = as fast as the teacher) over every
    /// piece of <paramref name="skill"/> in <paramref name="episodes"/>; 0 when there is none.
    /// </summary>
    public static double MeanNormalisedReturn(Mlp network, IEnvironment environment, IEnumerable<ExpertEpisode> episodes, string skill)
    {
        double total = 0;
        int count = 0;
        foreach (ExpertEpisode episode in episodes)
            for (int piece = 0; piece < episode.Demonstrations.Count; piece++)
                if (episode.Demonstrations[piece].Skill == skill)
                {
                    total += Return(network, environment, episode, piece) / Optimum(episode.Demonstrations[piece].Steps.Count);
                    count++;
                }
        return count == 0 ? 0 : total / count;
    }
}
