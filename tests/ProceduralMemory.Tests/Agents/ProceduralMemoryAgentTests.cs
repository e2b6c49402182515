using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents;

public class ProceduralMemoryAgentTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 20).ToArray();

    private static (ProceduralMemoryAgent Agent, IReadOnlyList<LearningCurvePoint> Curve) Train(string env, int steps, ulong seed = 1)
    {
        IEnvironment environment = EnvironmentRegistry.Create(env);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = seed });
        var plan = new TrainingPlan { MaxSteps = steps, TrainingSeed = (int)seed, EvaluationSeeds = HeldOut, EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = steps };
        return (agent, LearningRun.Train(agent, plan));
    }

    [Fact]
    public void LearnsDoorKey5x5FromScratch_AndSolvesLayoutsItNeverTrainedOn()
    {
        var (agent, curve) = Train("doorkey-5x5", 3000);

        Assert.True(curve[0].Evaluation.MeanReturn < 0.3, $"untrained return {curve[0].Evaluation.MeanReturn}");
        Assert.True(curve[^1].Evaluation.MeanReturn > 0.9, $"trained return {curve[^1].Evaluation.MeanReturn}");
        Assert.Equal(1.0, curve[^1].Evaluation.SuccessRate);
        Assert.Contains(agent.Library.Skills, s => s.Name == "achieve_has_key");
        Assert.Contains(agent.Library.Skills, s => s.Name == "achieve_door_open");
    }

    [Fact]
    public void Evaluation_ChangesNothing()
    {
        var (agent, _) = Train("doorkey-5x5", 1500);
        var statsBefore = agent.Library.GetStatistics();

        var first = LearningRun.Evaluate(agent, HeldOut, 250);
        var second = LearningRun.Evaluate(agent, HeldOut, 250);

        Assert.Equal(first, second);
        Assert.Equal(statsBefore, agent.Library.GetStatistics());
    }

    [Fact]
    public void SameSeed_SameLearningCurve() =>
        Assert.Equal(Train("doorkey-5x5", 1500, seed: 4).Curve, Train("doorkey-5x5", 1500, seed: 4).Curve);

    [Fact]
    public void LearnsTheSeedGridWorld_WithoutTheScriptedExplorer()
    {
        var (agent, curve) = Train("gridworld", 3000);
        Assert.Equal(1.0, curve[^1].Evaluation.SuccessRate);
        Assert.True(agent.Library.Count >= 2);
    }

    [Fact]
    public void EpisodeStepLimit_IsRespected()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-8x8");
        var agent = new ProceduralMemoryAgent(environment);
        Assert.True(agent.PlayEpisode(1_000_001, maxSteps: 7, learn: true).Steps <= 7);
    }
}
