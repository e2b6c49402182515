using ProceduralMemory.Agents;

namespace ProceduralMemory.Training;

/// <summary>
/// Trains an agent for a budget of environment steps on layouts drawn from a training seed, evaluating it at
/// checkpoints on held-out layouts it never trains on.
/// </summary>
public static class LearningRun
{
    /// <summary>Training layouts are drawn from here up, so they never coincide with small evaluation seeds.</summary>
    public const int FirstTrainingLayoutSeed = 1_000_000;

    /// <summary>
    /// Trains <paramref name="agent"/> for at most <paramref name="trainingSteps"/> steps and evaluates it on
    /// <paramref name="evaluationSeeds"/> every <paramref name="checkpointEvery"/> steps and at the end.
    /// </summary>
    /// <param name="agent">The agent, fresh or not.</param>
    /// <param name="trainingSteps">The environment-step budget of training.</param>
    /// <param name="evaluationSeeds">Held-out layouts; a training layout with one of these seeds is skipped.</param>
    /// <param name="trainingSeed">Which training layouts, in which order.</param>
    /// <param name="episodeStepLimit">The most steps one episode may take (the environment's limit).</param>
    /// <param name="checkpointEvery">Steps between evaluations; 0 evaluates only at the end.</param>
    /// <param name="onCheckpoint">Called with each evaluation as it is made (progress reporting).</param>
    public static IReadOnlyList<LearningCurvePoint> Train(ILearningAgent agent, int trainingSteps, IReadOnlyCollection<int> evaluationSeeds,
        int trainingSeed, int episodeStepLimit, int checkpointEvery = 0, Action<LearningCurvePoint>? onCheckpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainingSteps);
        var heldOut = evaluationSeeds.ToHashSet();
        var layouts = new Rng((ulong)trainingSeed);
        var curve = new List<LearningCurvePoint>();
        int steps = 0, episodes = 0, nextCheckpoint = checkpointEvery > 0 ? checkpointEvery : int.MaxValue;

        void Checkpoint()
        {
            var point = new LearningCurvePoint(steps, episodes, Evaluate(agent, evaluationSeeds, episodeStepLimit));
            curve.Add(point);
            onCheckpoint?.Invoke(point);
        }

        if (checkpointEvery > 0)
            Checkpoint();
        while (steps < trainingSteps)
        {
            int layout = FirstTrainingLayoutSeed + layouts.NextInt(int.MaxValue - FirstTrainingLayoutSeed);
            if (heldOut.Contains(layout))
                continue;
            steps += agent.PlayEpisode(layout, Math.Min(episodeStepLimit, trainingSteps - steps), learn: true).Steps;
            episodes++;
            while (steps >= nextCheckpoint && nextCheckpoint <= trainingSteps)
            {
                Checkpoint();
                nextCheckpoint += checkpointEvery;
            }
        }
        if (curve.Count == 0 || curve[^1].TrainingSteps != steps)
            Checkpoint();
        return curve;
    }

    /// <summary>Plays each layout once greedily with learning off.</summary>
    public static EvaluationResult Evaluate(ILearningAgent agent, IReadOnlyCollection<int> layoutSeeds, int episodeStepLimit)
    {
        double returns = 0, steps = 0;
        int successes = 0;
        foreach (int seed in layoutSeeds)
        {
            EpisodeSummary episode = agent.PlayEpisode(seed, episodeStepLimit, learn: false);
            returns += episode.Return;
            steps += episode.Steps;
            successes += episode.Success ? 1 : 0;
        }
        int n = Math.Max(1, layoutSeeds.Count);
        return new EvaluationResult(layoutSeeds.Count, returns / n, (double)successes / n, steps / n);
    }
}
