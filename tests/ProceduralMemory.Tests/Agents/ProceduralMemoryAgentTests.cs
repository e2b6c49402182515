using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents;

public class ProceduralMemoryAgentTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 20).ToArray();

    private static (ProceduralMemoryAgent Agent, IReadOnlyList<LearningCurvePoint> Curve) Train(string env, int steps, ulong seed = 1, int? parallelism = null)
    {
        IEnvironment environment = EnvironmentRegistry.Create(env);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = seed, RetrainingParallelism = parallelism });
        var plan = new TrainingPlan { MaxSteps = steps, TrainingSeed = (int)seed, EvaluationSeeds = HeldOut, EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = steps };
        return (agent, LearningRun.Train(agent, plan));
    }

    [Fact]
    public void LearnsDoorKey5x5FromScratch_AndSolvesLayoutsItNeverTrainedOn()
    {
        var (agent, curve) = Train("doorkey-5x5", 3000);

        // Untrained, the explorer alone (remembering within each episode what its actions did) solves some small rooms.
        Assert.True(curve[0].Evaluation.MeanReturn < 0.8, $"untrained return {curve[0].Evaluation.MeanReturn}");
        Assert.True(curve[^1].Evaluation.MeanReturn > 0.9, $"trained return {curve[^1].Evaluation.MeanReturn}");
        Assert.Equal(1.0, curve[^1].Evaluation.SuccessRate);
        Assert.Contains(agent.Library.Skills, s => s.Name == "pickup(key)");
        Assert.Contains(agent.Library.Skills, s => s.Name == "open(door)");
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
    public void RetrainingSkillsInParallel_LearnsTheSameNetworks_AsOneAtATime()
    {
        var (alone, aloneCurve) = Train("doorkey-6x6", 2500, seed: 2, parallelism: 1);
        var (together, togetherCurve) = Train("doorkey-6x6", 2500, seed: 2, parallelism: 4);
        Assert.Equal(aloneCurve, togetherCurve);
        Assert.True(alone.Library.Count >= 2, $"only {alone.Library.Count} skills: nothing was retrained side by side");
        Assert.Equal(alone.Library.Skills.Select(s => s.Id), together.Library.Skills.Select(s => s.Id));
        foreach (var skill in alone.Library.Skills.Where(s => alone.HasModule(s.Id)))
            Assert.Equal(alone.ModuleOf(skill.Id).Network.ToBytes(), together.ModuleOf(skill.Id).Network.ToBytes());
    }

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
