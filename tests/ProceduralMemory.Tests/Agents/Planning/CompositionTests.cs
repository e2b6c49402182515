using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Agents.Selection;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents.Planning;

public class CompositionTests
{
    private static readonly ulong Subgoals = MiniGridObservation.FactNames.MaskOf([.. MiniGridObservation.FactNames.Subgoals]);

    private static void Train(ProceduralMemoryAgent agent, IEnvironment environment, int steps, int seed = 1) =>
        LearningRun.Train(agent, new TrainingPlan
        {
            MaxSteps = steps, TrainingSeed = seed, EvaluationSeeds = [0], EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = steps,
        });

    /// <summary>Runs an applicable chain whenever there is one, else ranks as the agent does.</summary>
    private sealed class ChainsFirst(ISkillSelector ranked) : ISkillSelector
    {
        public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore) =>
            library.Skills.FirstOrDefault(s => s.Policy is SkillChainPolicy && s.IsApplicable(facts)) ?? ranked.Choose(library, facts, query, explore);
    }

    [Fact]
    public void ASuccessfulEpisode_TurnsTheChainOfSkillsThatReachedTheGoalIntoACompositeSkill()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = 1 });

        Train(agent, environment, 1500);

        Skill chain = Assert.Single(agent.Library.Skills, s => s.Policy is SkillChainPolicy && s.Name == "seq(pickup(key),open(door),reach(goal))");
        Assert.Equal(["pickup(key)", "open(door)", "reach(goal)"], ((SkillChainPolicy)chain.Policy).Children);
        Assert.Equal(MissionGoal.Of(DoorKeyEnvironment.DoorKeyMission), chain.Effect);
        Assert.Equal(new FactCondition(Subgoals, 0), chain.Preconditions);
        Assert.True(chain.Statistics.Demonstrations > 1);
    }

    [Fact]
    public void WithoutComposing_NoChainIsMade()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = 1, ComposeChains = false });

        Train(agent, environment, 1500);

        Assert.DoesNotContain(agent.Library.Skills, s => s.Policy is SkillChainPolicy);
    }

    [Fact]
    public void TheAgent_RunsAComposite_ByRunningItsChildrenInTurn()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        var options = new ProceduralMemoryAgentOptions { Seed = 1 };
        var agent = new ProceduralMemoryAgent(environment, options, parts: new AgentParts { Selector = new ChainsFirst(new RankedSkillSelector(options.Selection)) });
        Train(agent, environment, 1500);
        Skill chain = agent.Library.Skills.Single(s => s.Policy is SkillChainPolicy);
        int usesBefore = chain.Statistics.Uses;
        Train(agent, environment, 300, seed: 7);

        Assert.True(chain.Statistics.Uses > usesBefore, "the chain was never run");
        Assert.True(chain.Statistics.SuccessRate > 0.8, $"chain success rate {chain.Statistics.SuccessRate}");
        EvaluationResult e = LearningRun.Evaluate(agent, Enumerable.Range(0, 12).ToArray(), environment.MaxSteps);
        Assert.Equal(1.0, e.SuccessRate);
    }

    /// <summary>
    /// Trained on DoorKey, then UnlockPickup, the agent meets KeyCorridorS3R1 (a ball to fetch behind a locked door, the
    /// key in another room) with learning off: planning over its skills (with a drop of the key its box skill needs)
    /// towards the goal the mission states beats the same agent and library ranking skills alone, which DoorKey's
    /// skills lead astray.
    /// </summary>
    [Fact]
    public void ZeroShot_OnATaskNeverTrained_PlanningOverStoredSkillsBeatsTheRankingAlone()
    {
        var explorer = new NoveltyExplorer(7, Subgoals);
        var library = new List<Skill>();
        foreach (var (env, steps) in new[] { ("doorkey-5x5", 1500), ("unlockpickup", 3000) })
        {
            IEnvironment trainedOn = EnvironmentRegistry.Create(env);
            var teacher = new ProceduralMemoryAgent(trainedOn, new ProceduralMemoryAgentOptions { Seed = 1 }, parts: new AgentParts { Explorer = explorer });
            foreach (Skill skill in library)
                teacher.Library.Restore(skill);
            Train(teacher, trainedOn, steps);
            library = [.. teacher.Library.Skills];
        }

        double ZeroShot(bool planning)
        {
            IEnvironment task = EnvironmentRegistry.Create("keycorridor-s3r1");
            var options = new ProceduralMemoryAgentOptions { Seed = 1, Planning = new SkillPlannerOptions { Enabled = planning } };
            var agent = new ProceduralMemoryAgent(task, options, parts: new AgentParts { Explorer = explorer });
            foreach (Skill skill in library)
                agent.Library.Restore(skill);
            return LearningRun.Evaluate(agent, Enumerable.Range(0, 20).ToArray(), task.MaxSteps).MeanReturn;
        }

        double planned = ZeroShot(planning: true), ranked = ZeroShot(planning: false);
        Assert.True(planned > 0.6, $"zero-shot return with planning {planned}, without {ranked}");
        Assert.True(planned > ranked + 0.15, $"with planning {planned}, without {ranked}");
    }
}
