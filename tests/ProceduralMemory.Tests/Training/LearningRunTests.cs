using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Training;

public class LearningRunTests
{
    /// <summary>Records what it is asked to play; takes a fixed number of steps per episode.</summary>
    private sealed class RecordingAgent(int stepsPerEpisode) : ILearningAgent
    {
        public List<(int Layout, int MaxSteps, bool Learn)> Played { get; } = [];
        public string Name => "recording";

        public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
        {
            Played.Add((layoutSeed, maxSteps, learn));
            return new EpisodeSummary(learn ? 0 : 1, Math.Min(stepsPerEpisode, maxSteps), !learn, 0);
        }
    }

    [Fact]
    public void Train_SpendsExactlyTheStepBudget_AndNeverTrainsOnHeldOutLayouts()
    {
        var agent = new RecordingAgent(stepsPerEpisode: 30);
        int[] heldOut = [0, 1, 2, 3];
        var curve = LearningRun.Train(agent, new TrainingPlan { MaxSteps = 100, TrainingSeed = 9, EvaluationSeeds = heldOut, EpisodeStepLimit = 50, CheckpointEvery = 50 });

        var training = agent.Played.Where(p => p.Learn).ToList();
        Assert.Equal(100, training.Sum(p => Math.Min(30, p.MaxSteps)));
        Assert.All(training, p => Assert.DoesNotContain(p.Layout, heldOut));
        Assert.All(agent.Played.Where(p => !p.Learn), p => Assert.Contains(p.Layout, heldOut));
        Assert.Equal([0, 60, 100], curve.Select(c => c.TrainingSteps));
        Assert.All(curve, c => Assert.Equal(1.0, c.Evaluation.MeanReturn));
    }

    [Fact]
    public void Train_WithAnEpisodeBudget_StopsAfterThatManyEpisodes()
    {
        var agent = new RecordingAgent(stepsPerEpisode: 10);
        LearningRun.Train(agent, new TrainingPlan { MaxEpisodes = 7, EpisodeStepLimit = 50 });
        Assert.Equal(7, agent.Played.Count(p => p.Learn));
    }

    [Fact]
    public void Train_SameSeed_SameLayouts_DifferentSeed_DifferentLayouts()
    {
        IEnumerable<int> Layouts(int seed)
        {
            var agent = new RecordingAgent(10);
            LearningRun.Train(agent, new TrainingPlan { MaxEpisodes = 5, TrainingSeed = seed, EpisodeStepLimit = 50 });
            return agent.Played.Select(p => p.Layout);
        }
        Assert.Equal(Layouts(1), Layouts(1));
        Assert.NotEqual(Layouts(1), Layouts(2));
    }

    [Fact]
    public void Train_WithALayoutSplit_NeverTrainsOnAHeldOutLayout_ButOnEveryOther()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        var fingerprints = (ILayoutFingerprint)environment;
        LayoutSplit split = LayoutSplit.Of(environment, Enumerable.Range(0, 100));
        var agent = new RecordingAgent(stepsPerEpisode: 1);

        var curve = LearningRun.Train(agent, new TrainingPlan { MaxEpisodes = 2_000, TrainingSeed = 3, Split = split, EpisodeStepLimit = 50 });

        // Checked by content, afresh from the environment: seeds differ, layouts must not.
        var heldOut = split.TestSeeds.Concat(split.DevSeeds).Select(fingerprints.LayoutFingerprint).ToHashSet();
        var trained = agent.Played.Where(p => p.Learn).Select(p => fingerprints.LayoutFingerprint(p.Layout)).ToHashSet();
        Assert.Equal(18, heldOut.Count);
        Assert.Empty(trained.Intersect(heldOut));
        Assert.Equal(48 - 18, trained.Count);
        Assert.Equal(split.TestSeeds, agent.Played.Where(p => !p.Learn).Select(p => p.Layout));
        Assert.Equal(new EvaluationResult(12, 1, 1, 1, LayoutsAlsoTrainedOn: 0), curve[^1].Evaluation);
    }

    [Fact]
    public void Train_OnAWorldOfOneLayout_ReportsThatEvaluationOverlapsTraining()
    {
        var agent = new RecordingAgent(stepsPerEpisode: 1);
        LayoutSplit split = LayoutSplit.Of(new GridWorld(), Enumerable.Range(0, 100));

        var curve = LearningRun.Train(agent, new TrainingPlan { MaxEpisodes = 5, Split = split, EpisodeStepLimit = 50, CheckpointEvery = 2 });

        Assert.Equal(0, curve[0].Evaluation.LayoutsAlsoTrainedOn); // before any training
        Assert.Equal(1, curve[^1].Evaluation.LayoutsAlsoTrainedOn);
        Assert.Equal(1.0, curve[^1].Evaluation.LayoutOverlap);
    }

    [Fact]
    public void Train_StopsAtTheFirstEvaluationWhereStopWhenHolds()
    {
        var agent = new RecordingAgent(stepsPerEpisode: 10);
        var curve = LearningRun.Train(agent, new TrainingPlan
        {
            MaxSteps = 1000, EvaluationSeeds = [0], EpisodeStepLimit = 50, CheckpointEvery = 100,
            StopWhen = points => points[^1].TrainingSteps >= 300,
        });

        Assert.Equal([0, 100, 200, 300], curve.Select(c => c.TrainingSteps));
        Assert.Equal(30, agent.Played.Count(p => p.Learn));
    }

    [Fact]
    public void Train_WhenStopWhenHoldsBeforeTraining_TrainsNothing()
    {
        var agent = new RecordingAgent(stepsPerEpisode: 10);
        var curve = LearningRun.Train(agent, new TrainingPlan
        {
            MaxSteps = 1000, EvaluationSeeds = [0], EpisodeStepLimit = 50, CheckpointEvery = 100, StopWhen = _ => true,
        });

        Assert.Equal([0], curve.Select(c => c.TrainingSteps));
        Assert.DoesNotContain(agent.Played, p => p.Learn);
    }

    [Fact]
    public void Train_AnEpisodeCrossingSeveralCheckpoints_IsEvaluatedOnce()
    {
        var agent = new RecordingAgent(stepsPerEpisode: 250);
        var curve = LearningRun.Train(agent, new TrainingPlan { MaxSteps = 500, EvaluationSeeds = [0], EpisodeStepLimit = 250, CheckpointEvery = 100 });

        Assert.Equal([0, 250, 500], curve.Select(c => c.TrainingSteps));
    }
}
