using ProceduralMemory.Agents;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Training.Transfer;

/// <summary>
/// Takes a learner through a curriculum and measures what carries over. For each task, in order: (a) the return
/// before any training on it, with the memory of the tasks before (zero-shot); (b) the training steps until its
/// normalised return holds the target (<see cref="TargetRule"/>), beside a fresh learner trained on the same layouts
/// from scratch; (c) after it is learned, every earlier task evaluated again (retention). Every evaluation is greedy,
/// with learning off, on the task's held-out layouts, none of which training visits.
/// </summary>
/// <remarks>
/// A task whose target holds before any training is not trained on (0 steps): evaluation is deterministic, so a
/// second look would see the same. A task's training stops once its target holds, so the next task starts from the
/// memory that first mastered it. The first task's run from scratch is its run with memory (both start empty) and
/// is not repeated.
/// </remarks>
public sealed class TransferRun
{
    private readonly TransferPlan _plan;
    private readonly IReadOnlyList<TaskYardstick> _yardsticks;

    /// <summary>Prepares <paramref name="plan"/>: each task's held-out layouts and yardstick, shared by every run.</summary>
    /// <exception cref="ArgumentException">The plan has no tasks, or names an environment that is not registered.</exception>
    public TransferRun(TransferPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Tasks.Count == 0)
            throw new ArgumentException("A curriculum needs at least one task.", nameof(plan));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plan.StepsPerTask);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plan.CheckpointEvery);
        _plan = plan;
        _yardsticks = plan.Tasks.Select(task => TaskYardstick.For(task, plan)).ToArray();
    }

    /// <summary>Each task's yardstick, in curriculum order.</summary>
    public IReadOnlyList<TaskYardstick> Yardsticks => _yardsticks;

    /// <summary>
    /// Runs the curriculum once with training seed <paramref name="seed"/>: a learner from <paramref name="newLearner"/>
    /// through every task, and a fresh one per task for the runs from scratch.
    /// </summary>
    public TransferResult Run(Func<ICurriculumLearner> newLearner, int seed, ITransferObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(newLearner);
        ICurriculumLearner learner = newLearner();
        var tasks = new List<TaskTransfer>();
        var retention = new List<IReadOnlyList<double?>>();
        for (int k = 0; k < _yardsticks.Count; k++)
        {
            TaskYardstick task = _yardsticks[k];
            var (withMemory, stepsWithMemory) = Learn(learner, task, seed, TransferProgress.WithMemory, observer);
            var (fromScratch, stepsFromScratch) = k == 0
                ? (withMemory, stepsWithMemory)
                : Learn(newLearner(), task, seed, TransferProgress.FromScratch, observer);
            double learned = task.Normalise(withMemory[^1].Evaluation.MeanReturn);
            tasks.Add(new TaskTransfer(task.Task, task.Normalise(withMemory[0].Evaluation.MeanReturn), stepsWithMemory, stepsFromScratch,
                learned, task.Normalise(fromScratch[^1].Evaluation.MeanReturn), withMemory, fromScratch));

            var row = new double?[k + 1];
            for (int j = 0; j < k; j++)
            {
                TaskYardstick earlier = _yardsticks[j];
                double now = earlier.Normalise(Evaluate(learner, earlier).MeanReturn);
                observer?.OnEvaluation(new TransferProgress(seed, earlier.Task, TransferProgress.Retention, withMemory[^1].TrainingSteps, now));
                row[j] = tasks[j].LearnedReturn > 0 ? now / tasks[j].LearnedReturn : null;
            }
            row[k] = learned > 0 ? 1 : null;
            retention.Add(row);
        }
        return new TransferResult(learner.Name, seed, tasks, retention);
    }

    /// <summary>Trains <paramref name="learner"/> on one task until its target holds or the budget is spent.</summary>
    private (IReadOnlyList<LearningCurvePoint> Curve, int? StepsToTarget) Learn(ICurriculumLearner learner, TaskYardstick task, int seed,
        string phase, ITransferObserver? observer)
    {
        IEnvironment environment = EnvironmentRegistry.Create(task.Task);
        ILearningAgent agent = learner.AgentFor(environment);
        int minimumLayouts = Math.Min(TargetRule.MinimumLayouts, task.Split.EvaluationSeeds.Count);

        int? StepsToTarget(IReadOnlyList<LearningCurvePoint> curve) =>
            curve is [var before] && task.Normalise(before.Evaluation.MeanReturn) >= _plan.Target
                ? 0
                : TargetRule.StepsToReach(curve.Select(p => (p.TrainingSteps, p.Evaluation.Episodes, task.Normalise(p.Evaluation.MeanReturn))),
                    _plan.Target, minimumLayouts);

        var plan = new TrainingPlan
        {
            MaxSteps = _plan.StepsPerTask,
            TrainingSeed = seed,
            Split = task.Split,
            EpisodeStepLimit = environment.MaxSteps,
            CheckpointEvery = _plan.CheckpointEvery,
            StopWhen = curve => StepsToTarget(curve) is not null,
        };
        var progress = new CheckpointRelay(point => observer?.OnEvaluation(
            new TransferProgress(seed, task.Task, phase, point.TrainingSteps, task.Normalise(point.Evaluation.MeanReturn))));
        IReadOnlyList<LearningCurvePoint> trained = LearningRun.Train(agent, plan, progress);
        return (trained, StepsToTarget(trained));
    }

    private EvaluationResult Evaluate(ICurriculumLearner learner, TaskYardstick task)
    {
        IEnvironment environment = EnvironmentRegistry.Create(task.Task);
        return LearningRun.Evaluate(learner.AgentFor(environment), task.Split.EvaluationSeeds, environment.MaxSteps);
    }

    /// <summary>Passes each checkpoint on; training episodes are not reported.</summary>
    private sealed class CheckpointRelay(Action<LearningCurvePoint> onCheckpoint) : ITrainingObserver
    {
        public void OnEpisode(int episode, int trainingSteps, EpisodeSummary summary)
        {
        }

        public void OnCheckpoint(LearningCurvePoint point) => onCheckpoint(point);
    }
}
