using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;
using ProceduralMemory.Training.Transfer;

namespace ProceduralMemory.Tests.Training.Transfer;

public class PpoLearnerTests
{
    private static readonly PpoOptions Small = new() { Seed = 3, EnvironmentCount = 2, StepsPerRollout = 32, HiddenSizes = [16] };

    [Fact]
    public void AgentFor_CarriesOneNetworkFromTaskToTask()
    {
        var learner = new PpoLearner(Small);
        var first = (PpoAgent)learner.AgentFor(EnvironmentRegistry.Create("empty-5x5"));
        LearningRun.Train(first, new TrainingPlan { MaxSteps = 256, TrainingSeed = 1, EvaluationSeeds = [0], EpisodeStepLimit = 100 });
        float[] trained = first.ActorWeights.Parameters.ToArray();

        var second = (PpoAgent)learner.AgentFor(EnvironmentRegistry.Create("doorkey-5x5"));

        Assert.Same(first, second);
        Assert.Equal(trained, second.ActorWeights.Parameters.ToArray());
        Assert.NotEqual(new PpoAgent(EnvironmentRegistry.Create("doorkey-5x5"), Small).ActorWeights.Parameters.ToArray(), trained);
        // It now acts, and trains, on the new task.
        LearningRun.Train(second, new TrainingPlan { MaxSteps = 128, TrainingSeed = 1, EvaluationSeeds = [0], EpisodeStepLimit = 100 });
        Assert.NotEqual(trained, second.ActorWeights.Parameters.ToArray());
    }

    [Fact]
    public void MoveTo_AnEnvironmentWithOtherFeatures_IsRefused()
    {
        var agent = new PpoAgent(EnvironmentRegistry.Create("empty-5x5"), Small);
        Assert.Throws<ArgumentException>(() => agent.MoveTo(EnvironmentRegistry.Create("gridworld")));
    }
}
