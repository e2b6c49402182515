using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents.Baselines;

public class SeedReplayAgentTests
{
    private static readonly int[] EvaluationLayouts = [.. Enumerable.Range(0, 20)];

    private static SeedReplayAgent Trained(int steps = 5_000)
    {
        var agent = new SeedReplayAgent(EnvironmentRegistry.Create("doorkey-5x5"), seed: 1);
        LearningRun.Train(agent, new TrainingPlan { MaxSteps = steps, EvaluationSeeds = EvaluationLayouts, TrainingSeed = 1, EpisodeStepLimit = 250 });
        return agent;
    }

    [Fact]
    public void SuccessfulEpisodes_OnDoorKey_BecomeOpenLoopSkillsOfAtMostFiveActions()
    {
        var environment = EnvironmentRegistry.Create("doorkey-5x5");
        SeedReplayAgent agent = Trained();

        Assert.NotEmpty(agent.Library.Skills);
        ulong symbolic = environment.Facts.MaskOf("has_key", "door_open");
        Assert.All(agent.Library.Skills, skill =>
        {
            var policy = Assert.IsType<OpenLoopPolicy>(skill.Policy);
            Assert.InRange(policy.Actions.Count, 1, 5);
            Assert.Equal(symbolic, skill.Preconditions.Mask);
            Assert.Equal(SeedEmbedding.Dimension, skill.Key.Length);
        });
    }

    [Fact]
    public void LearnedSkills_AreReplayedWhenApplicable()
    {
        SeedReplayAgent agent = Trained();

        // Every DoorKey success passes through has_key and door_open, where the extracted skills apply.
        Assert.Contains(agent.Library.Skills, s => s.Statistics.Uses > 0);
        Assert.Contains(EvaluationLayouts, layout => agent.PlayEpisode(layout, 250, learn: false).SkillUses > 0);
    }

    [Fact]
    public void AFreshAgent_OnlyExplores_AndLearnsNothingFromFailures()
    {
        var agent = new SeedReplayAgent(EnvironmentRegistry.Create("doorkey-8x8"), seed: 1);
        EpisodeSummary episode = agent.PlayEpisode(3, maxSteps: 20, learn: true);

        Assert.False(episode.Success);
        Assert.Equal(0, episode.SkillUses);
        Assert.Empty(agent.Library.Skills);
    }

    [Fact]
    public void Evaluation_ChangesNoSkill_AndRepeats()
    {
        SeedReplayAgent agent = Trained(3_000);
        string Snapshot() => string.Join(";", agent.Library.Skills.Select(s =>
            $"{s.Name}:{s.Statistics.Uses}/{s.Statistics.Successes}/{s.Statistics.Demonstrations}"));
        string before = Snapshot();

        EvaluationResult first = LearningRun.Evaluate(agent, EvaluationLayouts, 250);
        EvaluationResult second = LearningRun.Evaluate(agent, EvaluationLayouts, 250);

        Assert.Equal(first, second);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Training_IsAFunctionOfTheSeed()
    {
        static IReadOnlyList<LearningCurvePoint> Run() =>
            LearningRun.Train(new SeedReplayAgent(EnvironmentRegistry.Create("doorkey-5x5"), seed: 7),
                new TrainingPlan { MaxSteps = 2_000, EvaluationSeeds = EvaluationLayouts, TrainingSeed = 3, EpisodeStepLimit = 250, CheckpointEvery = 1_000 });

        Assert.Equal(Run(), Run());
    }
}
