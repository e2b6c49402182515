using System.Text.RegularExpressions;
using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Selection;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents;

public class ContextLifecycleAgentTests
{
    // Strict enough to split within a short run: on doorkey-8x8 (3,000 steps, seed 1) the first reach(goal) fails 2 of
    // its 3 uses in one context while succeeding elsewhere.
    private static readonly ContextLifecycleOptions Strict = new() { Split = new SplitRule { MinUses = 2, FailBelow = 0.5, SucceedAbove = 0.5 }, Decay = null };

    private static (ProceduralMemoryAgent Agent, IReadOnlyList<LearningCurvePoint> Curve) Train(ContextLifecycleOptions? lifecycle, ulong seed = 1)
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-8x8");
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = seed, ContextLifecycle = lifecycle });
        var plan = new TrainingPlan { MaxSteps = 3000, TrainingSeed = (int)seed, EvaluationSeeds = [0, 1, 2, 3], EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = 1500 };
        return (agent, LearningRun.Train(agent, plan));
    }

    [Fact]
    public void CountingContexts_WithoutSplitOrDecay_ChangesNothing_BitForBit_AndTheCountsAddUpToEachSkillsUses()
    {
        var (without, withoutCurve) = Train(null);
        var (counting, countingCurve) = Train(new ContextLifecycleOptions { Split = null, Decay = null });

        Assert.Equal(withoutCurve, countingCurve);
        Assert.Equal(without.Library.Skills.Select(s => (s.Id, s.Name, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations)),
            counting.Library.Skills.Select(s => (s.Id, s.Name, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations)));
        foreach (Skill skill in without.Library.Skills.Where(s => without.HasModule(s.Id)))
            Assert.Equal(without.ModuleOf(skill.Id).Network.ToBytes(), counting.ModuleOf(skill.Id).Network.ToBytes());

        ContextLifecycle contexts = counting.ContextLifecycle!;
        Assert.Null(without.ContextLifecycle);
        Assert.InRange(contexts.Contexts.Centroids.Count, 2, contexts.Options.MaxContexts);
        Assert.Empty(contexts.Splits);
        foreach (Skill skill in counting.Library.Skills.Where(s => s.Policy is not SkillChainPolicy))
        {
            var perContext = contexts.Outcomes.ForSkill(skill.Id).Values;
            Assert.Equal((skill.Statistics.Uses, skill.Statistics.Successes), (perContext.Sum(c => c.Uses), perContext.Sum(c => c.Successes)));
        }
    }

    [Fact]
    public void ASkillFailingInOneContext_IsSplit_IntoAVariantBoundThere_TheSameFromTheSeed()
    {
        var (agent, curve) = Train(Strict);
        var (again, againCurve) = Train(Strict);

        ContextLifecycle contexts = agent.ContextLifecycle!;
        Assert.NotEmpty(contexts.Splits);
        Assert.Equal(contexts.Splits, again.ContextLifecycle!.Splits);
        Assert.Equal(curve, againCurve);
        foreach (SkillSplit split in contexts.Splits)
        {
            // The rule's evidence: failing below 50% where split, at least 50% over at least 2 uses elsewhere.
            Match evidence = Regex.Match(split.Reason, @"^succeeded (\d+) of (\d+) uses in context (\d+) \(.*\), (\d+) of (\d+) elsewhere");
            Assert.True(evidence.Success, split.Reason);
            int[] n = Enumerable.Range(1, 5).Select(i => int.Parse(evidence.Groups[i].Value)).ToArray();
            Assert.True(n[1] >= 2 && n[0] < 0.5 * n[1] && n[4] >= 2 && n[3] >= 0.5 * n[4], split.Reason);
            Assert.Equal(split.Context, n[2]);

            Skill original = agent.Library.Find(split.Original)!, variant = agent.Library.Find(split.Variant!.Value)!;
            Assert.Equal((original.Preconditions, original.Effect), (variant.Preconditions, variant.Effect));
            Assert.True(contexts.IsVariant(variant.Id));
            Assert.False(contexts.Serves(original.Id, split.Context));
            Assert.True(contexts.Serves(variant.Id, split.Context));
            Assert.NotSame(agent.ModuleOf(original.Id).Network, agent.ModuleOf(variant.Id).Network);
            Assert.Equal($"variant of #{original.Id} for context {split.Context}", contexts.Describe(variant));
        }
    }

    [Fact]
    public void TheSelector_SkipsASkillWeightedZero_AndPrefersTheLessDecayedOfTwoOtherwiseEqual()
    {
        var library = new SkillLibrary(2);
        Skill first = library.Add(new Skill("a", FactCondition.Always, new FactCondition(1, 1), new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0])).Skill;
        var second = new Skill("b", FactCondition.Always, new FactCondition(1, 1), new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0]) { Id = 1 };
        library.Restore(second); // not Add, which would merge the twin
        var facts = new Facts(0);
        var options = new SelectionOptions();

        Assert.Same(first, new RankedSkillSelector(options).Choose(library, facts, [1, 0], explore: false)); // the tie goes to the lower id
        Assert.Same(second, new RankedSkillSelector(options, (s, _) => s == first ? 0.0 : 1.0).Choose(library, facts, [1, 0], explore: false));
        Assert.Same(second, new RankedSkillSelector(options, (s, _) => s == first ? 0.5 : 0.9).Choose(library, facts, [1, 0], explore: false));
        Assert.Null(new RankedSkillSelector(options, (_, _) => 0.0).Choose(library, facts, [1, 0], explore: false));
    }
}
