using ProceduralMemory.Agents;

namespace ProceduralMemory.Training;

/// <summary>
/// The harness's side of lockstep training (<see cref="IVectorisedLearner"/>): where the agent gets the layout of
/// every training episode it starts, and where it reports every episode that ends.
/// </summary>
public interface ITrainingFeed
{
    /// <summary>The most steps one training episode may take; reaching it ends the episode as a time limit does.</summary>
    int EpisodeStepLimit { get; }

    /// <summary>The layout seed of the next training episode: drawn as one-at-a-time training draws it, never a held-out layout.</summary>
    int NextLayoutSeed();

    /// <summary>
    /// Records a finished training episode; <paramref name="stepsTaken"/> is how many steps the current
    /// <see cref="IVectorisedLearner.Train"/> call has taken so far, the episode's last included.
    /// </summary>
    /// <returns>False when the harness's episode budget is spent and the agent must stop stepping.</returns>
    bool EpisodeEnded(EpisodeSummary episode, int stepsTaken);
}
