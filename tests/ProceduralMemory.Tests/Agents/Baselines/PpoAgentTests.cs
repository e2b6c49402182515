using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents.Baselines;

public class PpoAgentTests
{
    /// <summary>A small configuration, so that a test trains in seconds in a debug build.</summary>
    private static PpoOptions Small(ulong seed) => new()
    {
        Seed = seed,
        EnvironmentCount = 2,
        StepsPerRollout = 32,
        MinibatchSize = 16,
        Epochs = 2,
        HiddenSizes = [16],
    };

    private static TrainingPlan Plan(int steps, int limit) =>
        new() { MaxSteps = steps, TrainingSeed = 1, EvaluationSeeds = [0], EpisodeStepLimit = limit };

    [Fact]
    public void Training_IsAFunctionOfTheSeed()
    {
        byte[][] Trained(ulong seed)
        {
            var agent = new PpoAgent(EnvironmentRegistry.Create("doorkey-5x5"), Small(seed));
            LearningRun.Train(agent, Plan(256, 250));
            Assert.Equal(4, agent.Updates);
            return [agent.ActorWeights.ToBytes(), agent.CriticWeights.ToBytes()];
        }

        Assert.Equal(Trained(3), Trained(3));
        Assert.NotEqual(Trained(3)[0], Trained(4)[0]);
    }

    [Fact]
    public void Evaluation_IsGreedy_RepeatsAndChangesNothing()
    {
        var agent = new PpoAgent(EnvironmentRegistry.Create("doorkey-5x5"), Small(5));
        LearningRun.Train(agent, Plan(128, 250));
        byte[] actor = agent.ActorWeights.ToBytes(), critic = agent.CriticWeights.ToBytes();
        (long steps, int updates) = (agent.TrainingSteps, agent.Updates);

        EvaluationResult first = LearningRun.Evaluate(agent, [.. Enumerable.Range(0, 10)], 250);
        EvaluationResult second = LearningRun.Evaluate(agent, [.. Enumerable.Range(0, 10)], 250);

        Assert.Equal(first, second);
        Assert.Equal(actor, agent.ActorWeights.ToBytes());
        Assert.Equal(critic, agent.CriticWeights.ToBytes());
        Assert.Equal((steps, updates), (agent.TrainingSteps, agent.Updates));
    }

    [Fact]
    public void Evaluation_BetweenChunks_DoesNotDisturbTheEpisodesInFlight()
    {
        // The same budget trained with and without checkpoints (evaluations in between, chunks ending mid-rollout) must
        // end in the same network: evaluation plays its own environment and draws no random numbers.
        byte[] Trained(int checkpointEvery)
        {
            var agent = new PpoAgent(EnvironmentRegistry.Create("doorkey-5x5"), Small(6));
            LearningRun.Train(agent, Plan(200, 250) with { CheckpointEvery = checkpointEvery });
            return agent.ActorWeights.ToBytes();
        }

        Assert.Equal(Trained(0), Trained(37));
    }

    [Fact]
    public void LearningRate_FallsLinearlyOverTheBudget()
    {
        var agent = new PpoAgent(EnvironmentRegistry.Create("doorkey-5x5"), Small(7));
        Assert.Equal(2.5e-4f, agent.CurrentLearningRate);
        // Rollouts of 2 × 32 = 64 steps; the fourth of four begins with three quarters of the budget used.
        LearningRun.Train(agent, Plan(256, 250));
        Assert.Equal(4, agent.Updates);
        Assert.Equal(2.5e-4f * 0.25f, agent.CurrentLearningRate, 1e-9f);
    }

    [Fact]
    public void PlayEpisode_WithLearning_UpdatesFromThatEpisode_WithinTheStepLimit()
    {
        var agent = new PpoAgent(EnvironmentRegistry.Create("doorkey-5x5"), Small(8));
        byte[] before = agent.ActorWeights.ToBytes();

        EpisodeSummary episode = agent.PlayEpisode(3, maxSteps: 20, learn: true);

        Assert.InRange(episode.Steps, 1, 20);
        Assert.Equal(1, agent.Updates);
        Assert.Equal(episode.Steps, agent.TrainingSteps);
        Assert.NotEqual(before, agent.ActorWeights.ToBytes());
    }

    [Fact]
    public void Training_OnEmpty5x5_BeatsTheRandomAgent()
    {
        const int limit = 100;
        int[] layouts = [.. Enumerable.Range(0, 20)];
        double random = LearningRun.Evaluate(new RandomAgent(EnvironmentRegistry.Create("empty-5x5"), 1), layouts, limit).MeanReturn;

        var agent = new PpoAgent(EnvironmentRegistry.Create("empty-5x5"), new PpoOptions
        {
            Seed = 1,
            EnvironmentCount = 4,
            StepsPerRollout = 128,
            Epochs = 4,
            HiddenSizes = [32],
            LearningRate = 2.5e-3f,
        });
        LearningRun.Train(agent, new TrainingPlan { MaxSteps = 16_000, TrainingSeed = 1, EvaluationSeeds = layouts, EpisodeStepLimit = limit });
        double trained = LearningRun.Evaluate(agent, layouts, limit).MeanReturn;

        Assert.True(trained > random + 0.3 && trained > 0.8, $"Greedy return {trained:F3} after 16,000 steps; the random agent's is {random:F3}.");
    }

    [Fact]
    public void TheCatalog_MakesIt_AsPpo_SeededByTheSeed()
    {
        ILearningAgent agent = AgentCatalog.Create("ppo", EnvironmentRegistry.Create("doorkey-5x5"), 9);
        var ppo = Assert.IsType<PpoAgent>(agent);
        Assert.Equal("ppo", ppo.Name);
        Assert.Equal(9UL, ppo.Options.Seed);
        Assert.Equal(new PpoOptions { Seed = 9 }.EnvironmentCount, ppo.EnvironmentCount);
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpoAgent(environment, new PpoOptions { EnvironmentCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpoAgent(environment, new PpoOptions { ClipRange = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpoAgent(environment, new PpoOptions { Discount = 1.5f }));
    }
}
