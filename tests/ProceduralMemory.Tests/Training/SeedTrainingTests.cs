using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Training;

public class SeedTrainingTests
{
    private static (List<EpisodeMetrics> Episodes, SeedAgent Agent) RunSeedScenario(ulong seed = 42)
    {
        var agent = new SeedAgent(new GridWorld(), seed);
        return (SeedTraining.Run(agent, SeedTraining.DefaultEpisodes).ToList(), agent);
    }

    [Fact]
    public void SeedScenario_ReproducesTheMeasuredRun()
    {
        var (episodes, _) = RunSeedScenario();

        Assert.Equal(15, episodes.Count);
        Assert.All(episodes, e =>
        {
            Assert.Equal(12.3, e.Reward, 9);
            Assert.Equal(10, e.Steps);
            Assert.Equal(1, e.Skills);
            Assert.True(e.Success);
        });
    }

    [Fact]
    public void SeedScenario_LearnsOneOpenDoorSequenceUsedFourteenTimes_WithASuccessRateOfAtMostOne()
    {
        var (_, agent) = RunSeedScenario();

        Skill skill = Assert.Single(agent.Library.Skills);
        Assert.Equal("open_door_sequence", skill.Name);
        Assert.Equal(5, ((OpenLoopPolicy)skill.Policy).Actions.Count);
        Assert.Equal(14, skill.Statistics.Uses);
        Assert.Equal(14, skill.Statistics.Successes);
        Assert.Equal(15, skill.Statistics.Demonstrations);
        Assert.Equal(1.0, agent.Library.GetStatistics().AverageSuccessRate);
    }

    [Fact]
    public void SeedScenario_FirstEpisodeExplores_LaterEpisodesReuseTheSkillOnce()
    {
        var (episodes, _) = RunSeedScenario();
        Assert.Equal(0, episodes[0].SkillUses);
        Assert.All(episodes.Skip(1), e => Assert.Equal(1, e.SkillUses));
        Assert.Equal(14, episodes[^1].CumulativeSkillUses);
    }

    [Fact]
    public void SameSeed_SameRun() => Assert.Equal(RunSeedScenario(7).Episodes, RunSeedScenario(7).Episodes);
}
