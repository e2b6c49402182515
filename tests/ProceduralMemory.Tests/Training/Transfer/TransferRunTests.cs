using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Training.Transfer;

namespace ProceduralMemory.Tests.Training.Transfer;

public class TransferRunTests
{
    private const int StepsToLearn = 300, StepsPerEpisode = 50;

    /// <summary>
    /// A learner whose memory is the training steps it has taken on each task: an agent plays a task's shortest plan
    /// (return optimal) once the memory holds <see cref="StepsToLearn"/> steps, and does nothing (return 0) before.
    /// Shared: steps on any task count for every task (all it learns carries over). Forgetful: only the last task
    /// trained counts (a new task erases the old).
    /// </summary>
    private sealed class StepCountingLearner(bool shared) : ICurriculumLearner
    {
        private readonly Dictionary<string, int> _steps = [];
        private string? _last;

        public string Name => shared ? "shared" : "forgetful";

        public ILearningAgent AgentFor(IEnvironment environment) => new Agent(this, environment);

        private bool Knows(string task) => shared
            ? _steps.Values.Sum() >= StepsToLearn
            : task == _last && _steps[task] >= StepsToLearn;

        private sealed class Agent(StepCountingLearner learner, IEnvironment environment) : ILearningAgent
        {
            public string Name => learner.Name;

            public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
            {
                if (learn)
                {
                    if (learner._last != environment.Name)
                        learner._steps[environment.Name] = 0; // the forgetful learner starts the task afresh
                    learner._last = environment.Name;
                    int steps = Math.Min(StepsPerEpisode, maxSteps);
                    learner._steps[environment.Name] += steps;
                    return new EpisodeSummary(0, steps, false, 0);
                }
                if (!learner.Knows(environment.Name))
                    return new EpisodeSummary(0, maxSteps, false, 0);
                environment.Reset(layoutSeed);
                int[] plan = ((IShortestPlan)environment).ShortestPlan()!;
                environment.Reset(layoutSeed); // the search leaves the environment where it stopped
                double total = 0;
                foreach (int action in plan)
                    total += environment.Step(action).Reward;
                return new EpisodeSummary(total, plan.Length, true, 0);
            }
        }
    }

    private static TransferPlan Plan() => new()
    {
        Tasks = ["doorkey-5x5", "unlock"],
        StepsPerTask = 2000,
        CheckpointEvery = 100,
        EvaluationSeeds = Enumerable.Range(0, 20).ToArray(),
    };

    [Fact]
    public void Run_WithMemoryThatCarriesOver_SolvesTheSecondTaskZeroShot_WhereScratchNeedsTraining()
    {
        var transfer = new TransferRun(Plan());

        TransferResult result = transfer.Run(() => new StepCountingLearner(shared: true), seed: 1);

        TaskTransfer first = result.Tasks[0], second = result.Tasks[1];
        Assert.Equal(0, first.ZeroShot);
        // The target holds at two evaluations in a row, 100 steps apart, from the first one after 300 steps.
        Assert.Equal(400, first.StepsWithMemory);
        Assert.Equal(first.StepsWithMemory, first.StepsFromScratch);
        Assert.Equal(1.0, first.LearnedReturn, 12);
        Assert.Equal(1.0, second.ZeroShot, 12);
        Assert.Equal(0, second.StepsWithMemory);
        Assert.Equal(400, second.StepsFromScratch);
        Assert.Equal(0.0, second.TransferRatio);
        Assert.Single(second.WithMemory); // never trained: the first evaluation already held the target
        Assert.Equal([1.0], result.FinalRetention.Select(r => r!.Value));
    }

    [Fact]
    public void Run_WithAForgetfulLearner_ReportsTheEarlierTaskLost()
    {
        TransferResult result = new TransferRun(Plan()).Run(() => new StepCountingLearner(shared: false), seed: 1);

        Assert.Equal(0, result.Tasks[1].ZeroShot);
        Assert.Equal(400, result.Tasks[1].StepsWithMemory);
        Assert.Equal(1.0, result.Tasks[1].TransferRatio);
        Assert.Equal([0.0], result.FinalRetention.Select(r => r!.Value));
        Assert.Equal(2, result.Retention.Count);
        Assert.Equal([1.0], result.Retention[0].Select(r => r!.Value));
    }

    [Fact]
    public void Run_ATaskNeverLearnedInTheBudget_HasNoStepsAndNoRatio()
    {
        TransferPlan plan = Plan() with { StepsPerTask = 200 };

        TransferResult result = new TransferRun(plan).Run(() => new StepCountingLearner(shared: true), seed: 1);

        Assert.Null(result.Tasks[0].StepsWithMemory);
        Assert.Null(result.Tasks[0].TransferRatio);
        Assert.Equal(200, result.Tasks[0].WithMemory[^1].TrainingSteps);
        Assert.Null(result.Retention[0][0]); // nothing learned, nothing to retain
    }

    [Fact]
    public void Yardsticks_NormaliseByTheShortestPlans_OrByOneWithoutThem()
    {
        var withPlans = new TransferRun(Plan());
        var raw = new TransferRun(Plan() with { NormaliseByShortestPlans = false });

        Assert.All(withPlans.Yardsticks, y => Assert.InRange(y.Optimal!.Value, 0.5, 1.0));
        Assert.All(raw.Yardsticks, y => Assert.Null(y.Optimal));
        Assert.Equal(0.5 / withPlans.Yardsticks[0].Optimal!.Value, withPlans.Yardsticks[0].Normalise(0.5), 12);
        Assert.Equal(0.5, raw.Yardsticks[0].Normalise(0.5));
    }

    [Fact]
    public void Create_WithoutTasks_Throws() =>
        Assert.Throws<ArgumentException>(() => new TransferRun(Plan() with { Tasks = [] }));
}
