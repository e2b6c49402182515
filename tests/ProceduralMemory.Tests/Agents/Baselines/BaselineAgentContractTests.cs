using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents.Baselines;

/// <summary>What every agent of the catalog promises the harness, checked on each of them alike.</summary>
public class BaselineAgentContractTests
{
    public static TheoryData<string, string> Agents()
    {
        var data = new TheoryData<string, string>();
        foreach (string agent in AgentCatalog.Names)
            foreach (string environment in new[] { "doorkey-5x5", "gridworld" })
                data.Add(agent, environment);
        return data;
    }

    private static ILearningAgent Create(string name, IEnvironment environment) => AgentCatalog.Create(name, environment, seed: 1);

    [Theory]
    [MemberData(nameof(Agents))]
    public void Episodes_NeverExceedMaxSteps_WhetherLearningOrNot(string name, string environmentName)
    {
        IEnvironment environment = EnvironmentRegistry.Create(environmentName);
        ILearningAgent agent = Create(name, environment);
        // Trained first, so that the seed-replay agent has skills whose replays could overrun the limit.
        LearningRun.Train(agent, new TrainingPlan { MaxSteps = 4_000, EvaluationSeeds = [0], TrainingSeed = 1, EpisodeStepLimit = environment.MaxSteps });

        foreach (int maxSteps in new[] { 1, 2, 3, 4, 5, 6, 7, 11, 23 })
        {
            foreach (bool learn in new[] { false, true })
            {
                for (int layout = 0; layout < 5; layout++)
                {
                    EpisodeSummary episode = agent.PlayEpisode(layout, maxSteps, learn);
                    Assert.InRange(episode.Steps, 1, maxSteps);
                    Assert.True(episode.Success || episode.Steps == maxSteps, $"{name} stopped early after {episode.Steps} steps without success.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void TheName_IsTheOneTheCommandLineUses(string name, string environmentName) =>
        Assert.Equal(name, Create(name, EnvironmentRegistry.Create(environmentName)).Name);
}
