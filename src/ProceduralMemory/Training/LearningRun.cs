using ProceduralMemory.Agents;

namespace ProceduralMemory.Training;

/// <summary>
/// Trains an agent for a budget of environment steps (or episodes) on layouts drawn from a training seed,
/// evaluating it at checkpoints on held-out layouts it never trains on (<see cref="LayoutSplit"/>: a drawn seed whose
/// layout is a test or development layout is skipped), and counting the evaluated layouts that training did visit.
/// </summary>
/// <remarks>
/// An agent trains one episode at a time through <see cref="ILearningAgent.PlayEpisode"/>, or, when it is an
/// <see cref="IVectorisedLearner"/>, through its own lockstep loop in chunks of steps that end at the checkpoints,
/// drawing its episodes' layouts from the same sequence (<see cref="ITrainingFeed"/>).
/// </remarks>
public static class LearningRun
{
    /// <summary>Training layouts are drawn from here up, so they never coincide with small evaluation seeds.</summary>
    public const int FirstTrainingLayoutSeed = 1_000_000;

    /// <summary>Trains <paramref name="agent"/> as <paramref name="plan"/> says, reporting to <paramref name="observer"/>; returns the learning curve.</summary>
    public static IReadOnlyList<LearningCurvePoint> Train(ILearningAgent agent, TrainingPlan plan, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(plan);
        LayoutSplit split = plan.Split ?? LayoutSplit.BySeed(plan.EvaluationSeeds);
        var trainedOn = new HashSet<ulong>();
        var layouts = new Rng((ulong)plan.TrainingSeed);
        var curve = new List<LearningCurvePoint>();
        int steps = 0, episodes = 0;
        int nextCheckpoint = plan.CheckpointEvery > 0 ? plan.CheckpointEvery : int.MaxValue;
        bool stopped = false;

        void Checkpoint()
        {
            int overlap = split.EvaluationFingerprints.Count(trainedOn.Contains);
            var point = new LearningCurvePoint(steps, episodes,
                Evaluate(agent, split.EvaluationSeeds, plan.EpisodeStepLimit) with { LayoutsAlsoTrainedOn = overlap });
            curve.Add(point);
            observer?.OnCheckpoint(point);
            stopped = plan.StopWhen?.Invoke(curve) ?? false;
        }

        int NextLayoutSeed()
        {
            while (true)
            {
                int layout = FirstTrainingLayoutSeed + layouts.NextInt(int.MaxValue - FirstTrainingLayoutSeed);
                ulong fingerprint = split.FingerprintOf(layout);
                if (split.IsHeldOut(fingerprint))
                    continue;
                trainedOn.Add(fingerprint);
                return layout;
            }
        }

        // One evaluation however many checkpoints a long episode crossed: evaluation is deterministic, so a second at
        // the same step count would repeat the first (and count twice towards a target).
        void CheckpointIfDue()
        {
            if (steps < nextCheckpoint)
                return;
            Checkpoint();
            while (nextCheckpoint <= steps)
                nextCheckpoint += plan.CheckpointEvery;
        }

        if (agent is ITrainingBudgetAware aware && plan.MaxSteps != int.MaxValue)
            aware.PlanForBudget(plan.MaxSteps);
        if (plan.CheckpointEvery > 0)
            Checkpoint();
        if (agent is IVectorisedLearner vectorised)
        {
            int stepsBeforeCall = 0;
            var feed = new Feed(plan.EpisodeStepLimit, NextLayoutSeed, (episode, taken) =>
            {
                episodes++;
                observer?.OnEpisode(episodes, stepsBeforeCall + taken, episode);
                return episodes < plan.MaxEpisodes;
            });
            while (!stopped && steps < plan.MaxSteps && episodes < plan.MaxEpisodes)
            {
                // Chunks end at checkpoints, so that a vectorised learner is evaluated exactly every CheckpointEvery steps.
                stepsBeforeCall = steps;
                int taken = vectorised.Train(feed, Math.Min(plan.MaxSteps, nextCheckpoint) - steps);
                steps += taken;
                CheckpointIfDue();
                if (taken == 0)
                    break;
            }
        }
        else
        {
            while (!stopped && steps < plan.MaxSteps && episodes < plan.MaxEpisodes)
            {
                int layout = NextLayoutSeed();
                EpisodeSummary episode = agent.PlayEpisode(layout, Math.Min(plan.EpisodeStepLimit, plan.MaxSteps - steps), learn: true);
                steps += episode.Steps;
                episodes++;
                observer?.OnEpisode(episodes, steps, episode);
                CheckpointIfDue();
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

    /// <summary>The <see cref="ITrainingFeed"/> of one run: the run's layout sequence and episode bookkeeping.</summary>
    private sealed class Feed(int episodeStepLimit, Func<int> nextLayoutSeed, Func<EpisodeSummary, int, bool> episodeEnded) : ITrainingFeed
    {
        public int EpisodeStepLimit => episodeStepLimit;

        public int NextLayoutSeed() => nextLayoutSeed();

        public bool EpisodeEnded(EpisodeSummary episode, int stepsTaken) => episodeEnded(episode, stepsTaken);
    }
}
