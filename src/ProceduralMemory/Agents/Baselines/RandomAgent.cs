using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// The no-memory baseline: every action drawn uniformly at random. It keeps nothing between episodes, so learning
/// changes nothing and its curve is flat; it marks the floor every learner must rise above.
/// </summary>
public sealed class RandomAgent : ILearningAgent
{
    private readonly IEnvironment _environment;
    private readonly Rng _trainingRng;

    /// <summary>Creates the agent for <paramref name="environment"/>; <paramref name="seed"/> drives its training episodes.</summary>
    public RandomAgent(IEnvironment environment, ulong seed)
    {
        _environment = environment;
        _trainingRng = new Rng(seed);
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
    {
        // Evaluation draws from the layout's own seed, so evaluating never shifts training and is repeatable.
        Rng rng = learn ? _trainingRng : new Rng((ulong)layoutSeed);
        var episode = new EpisodeRecorder(_environment, layoutSeed, maxSteps);
        while (!episode.IsOver)
            episode.Step(rng.NextInt(_environment.Actions.Count));
        return episode.Summary();
    }
}
