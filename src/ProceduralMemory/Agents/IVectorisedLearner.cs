using ProceduralMemory.Training;

namespace ProceduralMemory.Agents;

/// <summary>
/// An agent that trains on several environments stepped in lockstep (PPO's vectorised environments) rather than one
/// episode at a time. <see cref="LearningRun"/> trains such an agent through <see cref="Train"/> instead of
/// <see cref="ILearningAgent.PlayEpisode"/>, in chunks of steps that end at its checkpoints; between chunks it
/// evaluates as usual with <c>PlayEpisode(seed, limit, learn: false)</c>, which must not disturb the episodes in flight.
/// </summary>
public interface IVectorisedLearner : ILearningAgent
{
    /// <summary>How many environments the agent steps together.</summary>
    int EnvironmentCount { get; }

    /// <summary>
    /// Trains for <paramref name="steps"/> environment steps, counted over all its environments, continuing the
    /// episodes the previous call left in flight. Every episode it starts is on the layout
    /// <see cref="ITrainingFeed.NextLayoutSeed"/> gives, and every episode that ends is reported to
    /// <see cref="ITrainingFeed.EpisodeEnded"/>; when that returns false the agent stops at once.
    /// </summary>
    /// <returns>The steps taken: <paramref name="steps"/>, or fewer when the feed said stop.</returns>
    int Train(ITrainingFeed feed, int steps);
}
