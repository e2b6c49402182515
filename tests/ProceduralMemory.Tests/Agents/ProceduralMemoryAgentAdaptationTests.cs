using System.Security.Cryptography;
using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents;

public class ProceduralMemoryAgentAdaptationTests
{
    private static readonly int[] HeldOut = [.. Enumerable.Range(0, 10)];

    private static ProceduralMemoryAgent Agent(SkillAdaptationOptions? adaptation, ulong seed = 1) =>
        new(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = seed, Adaptation = adaptation });

    private static IReadOnlyList<LearningCurvePoint> Train(ProceduralMemoryAgent agent, int steps, int seed = 1) =>
        LearningRun.Train(agent, new TrainingPlan
        {
            MaxSteps = steps, TrainingSeed = seed, EvaluationSeeds = HeldOut, EpisodeStepLimit = 640, CheckpointEvery = steps,
        });

    private static Dictionary<int, string> Checksums(ProceduralMemoryAgent agent) =>
        agent.Library.Skills.Where(s => agent.HasModule(s.Id))
            .ToDictionary(s => s.Id, s => Convert.ToHexString(SHA256.HashData(agent.ModuleOf(s.Id).Network.ToBytes())));

    [Fact]
    public void ASkillThatFailed_KeepsItsWeightsBitIdentical_WhileAVariantIsAdaptedFromIt()
    {
        ProceduralMemoryAgent agent = Agent(new SkillAdaptationOptions());
        int protectedEpisodes = 0;
        for (int episode = 0; episode < 120; episode++)
        {
            Dictionary<int, string> before = Checksums(agent);
            Dictionary<int, int> failures = agent.Library.Skills.ToDictionary(s => s.Id, s => s.Statistics.Uses - s.Statistics.Successes);
            agent.PlayEpisode(1000 + episode, 640, learn: true);
            Dictionary<int, string> after = Checksums(agent);
            foreach (Skill skill in agent.Library.Skills.Where(s => before.ContainsKey(s.Id)))
            {
                if (skill.Statistics.Uses - skill.Statistics.Successes == failures[skill.Id])
                    continue;
                Assert.Equal(before[skill.Id], after[skill.Id]); // it failed this episode: adaptation may copy it, never change it
                protectedEpisodes++;
            }
        }

        Assert.True(protectedEpisodes > 0, "no skill failed; the test checked nothing");
        Assert.True(agent.AdaptedVariants > 0, $"no variant was kept ({agent.RejectedAdaptations} rejected)");
        // A variant has its original's preconditions and effect (which, without adaptation, would make it one more
        // demonstration of the original) and a network of its own.
        Assert.Contains(agent.Library.Skills, variant => variant.Policy is MlpPolicy v && agent.Library.Skills.Any(original => original.Id < variant.Id
            && original.Preconditions == variant.Preconditions && original.Effect == variant.Effect
            && original.Policy is MlpPolicy o && !ReferenceEquals(o.Network, v.Network)));
    }

    [Fact]
    public void SameSeed_SameLearning_WithAdaptationOn()
    {
        ProceduralMemoryAgent first = Agent(new SkillAdaptationOptions()), second = Agent(new SkillAdaptationOptions());
        Assert.Equal(Train(first, 3000), Train(second, 3000));
        Assert.Equal(first.AdaptedVariants, second.AdaptedVariants);
        Assert.Equal(Checksums(first), Checksums(second));
    }

    [Fact]
    public void OptionOff_LearnsExactlyAsTheDefaultAgent()
    {
        var byDefault = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = 1 });
        ProceduralMemoryAgent off = Agent(adaptation: null);
        Assert.Null(new ProceduralMemoryAgentOptions().Adaptation);
        Assert.Equal(Train(byDefault, 3000), Train(off, 3000));
        Assert.Equal(Checksums(byDefault), Checksums(off));
        Assert.Equal(0, off.AdaptedVariants + off.RejectedAdaptations);
    }

    [Fact]
    public void BadOptions_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Agent(new SkillAdaptationOptions { LearningRate = -1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Agent(new SkillAdaptationOptions { ValidationEvery = 0 }));
    }
}
