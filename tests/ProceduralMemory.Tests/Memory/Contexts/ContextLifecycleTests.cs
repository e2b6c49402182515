using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Contexts;

namespace ProceduralMemory.Tests.Memory.Contexts;

public class ContextLifecycleTests
{
    private static Skill Skill(int id)
    {
        var skill = new Skill($"s{id}", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0]);
        var library = new SkillLibrary(2);
        skill.Id = id;
        library.Restore(skill);
        return skill;
    }

    private static ContextLifecycle TwoContexts(DecayRule? decay = null)
    {
        var lifecycle = new ContextLifecycle(new ContextLifecycleOptions { ContextSimilarity = 0.9f, Decay = decay });
        lifecycle.Contexts.ContextOf([1, 0], found: true);
        lifecycle.Contexts.ContextOf([0, 1], found: true);
        return lifecycle;
    }

    [Fact]
    public void AfterASplit_TheOriginalServesEverywhereButTheContextSplitOff_AndTheVariantOnlyThere()
    {
        ContextLifecycle lifecycle = TwoContexts();
        lifecycle.Record(new SkillSplit(Original: 2, Context: 1, Variant: 5, Episode: 9, "failing there"));

        Assert.Equal((true, false), (lifecycle.Serves(2, 0), lifecycle.Serves(2, 1)));
        Assert.Equal((false, true), (lifecycle.Serves(5, 0), lifecycle.Serves(5, 1)));
        Assert.Equal(0.0, lifecycle.WeightOf(Skill(2), [0.1f, 1]));
        Assert.Equal(1.0, lifecycle.WeightOf(Skill(2), [1, 0.1f]));
        Assert.Equal(0.0, lifecycle.WeightOf(Skill(5), [1, 0.1f]));
        Assert.True(lifecycle.IsVariant(5));
        Assert.Equal("variant of #2 for context 1", lifecycle.Describe(Skill(5)));
        Assert.Equal("split off context 1 to #5 at episode 9: failing there", lifecycle.Describe(Skill(2)));
    }

    [Fact]
    public void Demonstrations_GoToTheVariantOfTheContextTheyStartIn_ElseToTheOriginal()
    {
        ContextLifecycle lifecycle = TwoContexts();
        lifecycle.Record(new SkillSplit(2, 1, 5, 9, "failing there"));

        Assert.Equal(5, lifecycle.Route(2, 1));
        Assert.Equal(2, lifecycle.Route(2, 0));
        Assert.Equal(2, lifecycle.Route(5, 0));
        Assert.Equal(5, lifecycle.Route(5, 1));
        Assert.Equal(7, lifecycle.Route(7, 1));
    }

    [Fact]
    public void ASplitInAStore_WithoutAVariant_OnlyKeepsTheOriginalOut()
    {
        ContextLifecycle lifecycle = TwoContexts();
        lifecycle.Record(new SkillSplit(2, 1, null, 9, "failing there"));

        Assert.Equal(2, lifecycle.Route(2, 1));
        Assert.False(lifecycle.Serves(2, 1));
        Assert.Throws<InvalidOperationException>(() => lifecycle.Record(new SkillSplit(2, 1, null, 10, "again")));
    }

    [Fact]
    public void TheWeight_IsTheDecayWeight_WhereTheSkillServes()
    {
        Skill skill = Skill(3);
        skill.Statistics.Restore(30, 0, 1);

        Assert.Equal(0.125, TwoContexts(new DecayRule()).WeightOf(skill, [1, 0]), 12);
        Assert.Equal(1.0, TwoContexts(decay: null).WeightOf(skill, [1, 0]));
        Assert.Equal("decayed to 0.125", TwoContexts(new DecayRule()).Describe(skill));
    }

    [Fact]
    public void Outcomes_AreCountedPerSkillAndContext()
    {
        ContextOutcomes outcomes = TwoContexts().Outcomes;
        outcomes.RecordUse(3, 1, success: true);
        outcomes.RecordUse(3, 1, success: false);
        outcomes.RecordUse(3, 0, success: true);
        outcomes.RecordUse(4, 1, success: false);

        Assert.Equal((2, 1), outcomes.Of(3, 1));
        Assert.Equal((1, 1), outcomes.Of(3, 0));
        Assert.Equal((1, 0), outcomes.Of(4, 1));
        Assert.Equal((0, 0), outcomes.Of(4, 0));
        Assert.Equal([0, 1], outcomes.ForSkill(3).Keys);
        Assert.Empty(outcomes.ForSkill(9));
    }

    [Fact]
    public void Of_AStoredState_GivesItsContextsCountsAndSplits_AndDescribesThem()
    {
        var stored = new ProceduralMemory.Memory.Store.ContextState
        {
            Contexts = [new(0, [1f, 0f], 4, 0.25f), new(1, [0f, 1f], 4, 0.25f)],
            Counts = [new(2, 0, 10, 9), new(2, 1, 12, 1)],
            Splits = [new(2, 1, 5, 30, "failing there")],
        };

        ContextLifecycle lifecycle = ContextLifecycle.Of(stored);

        Assert.Equal((4, 0.25f), (lifecycle.Options.MaxContexts, lifecycle.Options.ContextSimilarity));
        Assert.Null(lifecycle.Options.Split);
        Assert.Equal(2, lifecycle.Contexts.Centroids.Count);
        Assert.Equal((12, 1), lifecycle.Outcomes.Of(2, 1));
        Assert.False(lifecycle.Serves(2, 1));
        Assert.True(lifecycle.Serves(5, 1));
        Assert.Equal("c0 9/10, c1 1/12", lifecycle.DescribeCounts(2));
        Assert.Equal("split off context 1 to #5 at episode 30: failing there", lifecycle.DescribeSplits(2));
        Assert.Equal("variant of #2 for context 1", lifecycle.DescribeSplits(5));
        Assert.Null(lifecycle.DescribeCounts(5));
    }
}
