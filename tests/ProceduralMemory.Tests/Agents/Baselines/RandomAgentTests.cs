using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents.Baselines;

public class RandomAgentTests
{
    private static readonly int[] Layouts = [.. Enumerable.Range(0, 20)];

    [Fact]
    public void Evaluation_IsAFunctionOfTheLayout_AndTrainingChangesIt_Not()
    {
        var agent = new RandomAgent(EnvironmentRegistry.Create("doorkey-5x5"), seed: 3);
        EpisodeSummary[] before = Layouts.Select(l => agent.PlayEpisode(l, 250, learn: false)).ToArray();

        LearningRun.Train(agent, new TrainingPlan { MaxSteps = 2_000, EvaluationSeeds = Layouts, TrainingSeed = 1, EpisodeStepLimit = 250 });

        EpisodeSummary[] after = Layouts.Select(l => agent.PlayEpisode(l, 250, learn: false)).ToArray();
        Assert.Equal(before, after);
        // A different agent (another training seed) still evaluates alike: evaluation draws from the layout only.
        var other = new RandomAgent(EnvironmentRegistry.Create("doorkey-5x5"), seed: 99);
        Assert.Equal(before, Layouts.Select(l => other.PlayEpisode(l, 250, learn: false)).ToArray());
    }

    [Fact]
    public void TrainingEpisodes_FollowTheAgentsSeed()
    {
        static EpisodeSummary[] Train(ulong seed)
        {
            var agent = new RandomAgent(EnvironmentRegistry.Create("doorkey-5x5"), seed);
            return [.. Enumerable.Range(0, 10).Select(_ => agent.PlayEpisode(7, 250, learn: true))];
        }

        Assert.Equal(Train(5), Train(5));
        Assert.NotEqual(Train(5), Train(6));
        // Consecutive training episodes on one layout go on drawing from one generator, so they differ.
        Assert.True(Train(5).Distinct().Count() > 1);
    }

    [Fact]
    public void Episodes_SometimesSucceed_WithMiniGridsDecayingReward()
    {
        var agent = new RandomAgent(EnvironmentRegistry.Create("doorkey-5x5"), seed: 1);
        EpisodeSummary[] episodes = [.. Enumerable.Range(0, 100).Select(l => agent.PlayEpisode(l, 250, learn: false))];

        Assert.Contains(episodes, e => e.Success);
        Assert.All(episodes, e => Assert.Equal(e.Success, e.Return > 0));
        Assert.All(episodes, e => Assert.Equal(0, e.SkillUses));
    }
}
