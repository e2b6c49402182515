using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Memory;

/// <summary>Interference management: <see cref="NearDuplicateRule"/>, <see cref="SkillMerge"/> and <see cref="KeySeparation"/> on small libraries.</summary>
public class SkillMergeTests
{
    // Facts: bit 0 has_key, bit 1 door_open, bit 2 at_goal.
    private static readonly FactCondition AtGoal = new(0b100, 0b100);
    private static readonly FactCondition DoorOpen = new(0b010, 0b010);
    private static readonly FactCondition WithKey = new(0b111, 0b011);
    private static readonly FactCondition WithoutKey = new(0b111, 0b010);
    private static readonly FactCondition Closed = new(0b111, 0b000);
    private static readonly BehaviourCloningOptions Cloning = new() { Epochs = 3, BatchSize = 4, LearningRate = 1e-2f, Seed = 7 };

    /// <summary>A library of neural skills, each with a module holding <c>demonstrations</c> demonstrations.</summary>
    private sealed class Fixture
    {
        public SkillLibrary Library { get; } = new(2);

        public Dictionary<int, SkillModule> Modules { get; } = [];

        public Skill Add(string name, FactCondition preconditions, FactCondition effect, float[] key, int uses, int successes, int demonstrations = 2)
        {
            var module = new SkillModule(3, 4, [5], capacity: 48, seed: (ulong)Library.Count + 1);
            for (int d = 0; d < demonstrations; d++)
                module.AddDemonstration(Demonstration(Library.Count * 10 + d));
            var skill = new Skill(name, preconditions, effect, new MlpPolicy(module.Network), new SkillTermination(effect, 10 + Library.Count), key);
            skill.Statistics.Restore(uses, successes, demonstrations);
            Library.Add(skill);
            Modules[skill.Id] = module;
            return skill;
        }

        public MergedSkill MergeOnly(NearDuplicateRule? rule = null) =>
            Assert.Single((rule ?? new NearDuplicateRule()).FindMerges(Library)).Apply(Library, Modules, 48, Cloning, episode: 9);
    }

    private static AgentStep[] Demonstration(int tag) =>
        Enumerable.Range(0, 3).Select(i => new AgentStep(tag * 100 + i, 0, [tag * 0.01f, i, 1], (tag + i) % 4, 0, 0)).ToArray();

    private static Fixture TwoVariantsOfReachingTheGoal()
    {
        var fixture = new Fixture();
        fixture.Add("pickup(key)", Closed, new FactCondition(0b001, 0b001), [0f, 1f], uses: 10, successes: 10);
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 0.2f], uses: 10, successes: 7, demonstrations: 3);
        fixture.Add("reach(goal)#2", WithoutKey, AtGoal, [1f, -0.1f], uses: 8, successes: 8);
        return fixture;
    }

    [Fact]
    public void FindMerges_JoinsSameEffectVariantsOneFactApart_WithTheFactsTheyAgreeOn_TheMostSuccessfulFirst()
    {
        Fixture fixture = TwoVariantsOfReachingTheGoal();

        SkillMerge merge = Assert.Single(new NearDuplicateRule().FindMerges(fixture.Library));

        Assert.Equal(["reach(goal)#2", "reach(goal)"], merge.Members.Select(m => m.Name)); // 8 successes against 7
        Assert.Equal(new FactCondition(0b110, 0b010), merge.Preconditions); // has_key dropped
        Assert.Null(merge.Target); // no member has those preconditions: a new skill
        Assert.Equal(1f, MathF.Sqrt(merge.Key.Sum(k => k * k)), 5);
    }

    [Fact]
    public void Apply_PoolsTheDemonstrations_RetrainsOnce_SumsTheStatistics_AndRetiresTheMembers_WhichStayRestorable()
    {
        Fixture fixture = TwoVariantsOfReachingTheGoal();
        Skill withKey = fixture.Library.Find(1)!, withoutKey = fixture.Library.Find(2)!;
        float[] survivorWeights = NetworkOf(withoutKey).Parameters.ToArray();

        MergedSkill made = fixture.MergeOnly();

        Assert.True(made.IsNew);
        Assert.Equal(-1, made.Skill.Id);
        Assert.Equal("reach(goal)", SkillNames.Prefix(made.Skill.Name).TrimEnd('#'));
        Assert.DoesNotContain(fixture.Library.Skills, s => s.Name == made.Skill.Name); // a free name
        Assert.Equal((18, 15, 5), (made.Skill.Statistics.Uses, made.Skill.Statistics.Successes, made.Skill.Statistics.Demonstrations));
        Assert.Equal((18, 15), made.Skill.TrialStart);
        Assert.Equal(5, made.Module.DemonstrationCount);
        Assert.Equal(5, made.NewDemonstrations.Count);
        Assert.False(made.Module.NeedsRetraining); // trained once, on everything pooled
        Assert.Same(made.Module.Network, NetworkOf(made.Skill));
        Assert.NotEqual(survivorWeights, NetworkOf(made.Skill).Parameters.ToArray()); // retrained from a copy of the survivor's ...
        Assert.Equal(survivorWeights, NetworkOf(withoutKey).Parameters.ToArray()); // ... whose own network is untouched
        Assert.Equal(11 + 1, made.Skill.Termination.StepLimit); // the longest of the members' (10 + id)

        Assert.Equal(3, fixture.Library.Count); // nothing deleted
        Assert.All(new[] { withKey, withoutKey }, s => Assert.StartsWith($"merged into {made.Skill.Name}, a near-duplicate", s.Retirement!.Reason));
        Assert.Equal(9, withKey.Retirement!.Episode);
        Assert.Equal((10, 7, 3), (withKey.Statistics.Uses, withKey.Statistics.Successes, withKey.Statistics.Demonstrations)); // kept as they were
        Assert.Equal(["pickup(key)"], fixture.Library.ActiveSkills.Select(s => s.Name));

        fixture.Library.StartTrial(withKey);
        Assert.False(withKey.IsRetired);
    }

    [Fact]
    public void Apply_IntoAMemberWhosePreconditionsAreTheMergedOnes_KeepsItInPlace()
    {
        var fixture = new Fixture();
        Skill general = fixture.Add("reach(goal)", DoorOpen, AtGoal, [1f, 0f], uses: 4, successes: 4);
        Skill variant = fixture.Add("reach(goal)#2", new FactCondition(0b011, 0b010), AtGoal, [1f, 0.1f], uses: 9, successes: 9, demonstrations: 1);

        MergedSkill made = fixture.MergeOnly();

        Assert.False(made.IsNew);
        Assert.Same(general, made.Skill);
        Assert.Same(fixture.Modules[general.Id], made.Module);
        Assert.Equal(3, made.Module.DemonstrationCount);
        Assert.Single(made.NewDemonstrations); // the variant's, to append in a store
        Assert.Equal((13, 13, 3), (general.Statistics.Uses, general.Statistics.Successes, general.Statistics.Demonstrations));
        Assert.False(general.IsRetired);
        Assert.True(variant.IsRetired);
        Assert.Equal(general.Key, fixture.Library.Retrieve(new Facts(0b010), [1f, 0f], 1).Single().Key);
    }

    [Fact]
    public void FindMerges_NeverJoinsDifferentEffects_NorChains_NorFailingVariants()
    {
        var fixture = new Fixture();
        fixture.Add("pickup(key)", Closed, new FactCondition(0b001, 0b001), [1f, 0f], uses: 5, successes: 5);
        fixture.Add("open(door)", Closed, DoorOpen, [1f, 0f], uses: 5, successes: 5); // same key and preconditions, another effect
        fixture.Add("open(door)#2", new FactCondition(0b111, 0b001), DoorOpen, [1f, 0f], uses: 3, successes: 1); // 33%: failing
        var chain = new Skill("seq", Closed, DoorOpen, new SkillChainPolicy(["pickup(key)", "open(door)"]), new SkillTermination(DoorOpen, 9), [1f, 0f]);
        fixture.Library.Add(chain);

        Assert.Empty(new NearDuplicateRule().FindMerges(fixture.Library));
        Assert.Single(new NearDuplicateRule { MinSuccessRate = 0.3 }.FindMerges(fixture.Library)); // open(door) with #2, never the chain
    }

    [Theory]
    [InlineData(0.5, 1, true)] // exactly the rate passes
    [InlineData(0.5, 0, false)] // a skill never used: no evidence yet
    [InlineData(0.51, 1, false)]
    public void FindMerges_SuccessGuard_AtItsEdge(double minRate, int variantUses, bool merged)
    {
        var fixture = new Fixture();
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 0f], uses: 4, successes: 4);
        fixture.Add("reach(goal)#2", WithoutKey, AtGoal, [1f, 0f], uses: variantUses * 2, successes: variantUses);

        Assert.Equal(merged, new NearDuplicateRule { MinSuccessRate = minRate }.FindMerges(fixture.Library).Count == 1);
    }

    [Fact]
    public void FindMerges_KeyThreshold_AtItsEdge()
    {
        var fixture = new Fixture();
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 0f], uses: 4, successes: 4);
        fixture.Add("reach(goal)#2", WithoutKey, AtGoal, [1f, 1f], uses: 2, successes: 2);
        float similarity = VectorMath.CosineSimilarity([1f, 0f], [1f, 1f]);

        Assert.Single(new NearDuplicateRule { MinKeySimilarity = similarity }.FindMerges(fixture.Library)); // at least: merged
        Assert.Empty(new NearDuplicateRule { MinKeySimilarity = MathF.BitIncrement(similarity) }.FindMerges(fixture.Library));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearDuplicateRule { MinKeySimilarity = 1.5f }.FindMerges(fixture.Library));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearDuplicateRule { MinSuccessRate = -0.1 }.FindMerges(fixture.Library));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void FindMerges_PreconditionDifference_AtItsEdge(int maxDifference, bool merged)
    {
        var fixture = new Fixture();
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 0f], uses: 4, successes: 4);
        fixture.Add("reach(goal)#2", new FactCondition(0b111, 0b000), AtGoal, [1f, 0f], uses: 2, successes: 2); // has_key and door_open differ

        Assert.Equal(2, NearDuplicateRule.Difference(WithKey, new FactCondition(0b111, 0b000)));
        Assert.Equal(merged, new NearDuplicateRule { MaxPreconditionDifference = maxDifference }.FindMerges(fixture.Library).Count == 1);
    }

    [Fact]
    public void FindMerges_LeavesAGroupWhoseMergedIdentityAnotherSkillHas()
    {
        var fixture = new Fixture();
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 0f], uses: 4, successes: 4);
        fixture.Add("reach(goal)#2", WithoutKey, AtGoal, [1f, 0f], uses: 2, successes: 2);
        Skill twin = fixture.Add("reach(goal)#3", new FactCondition(0b110, 0b010), AtGoal, [0f, 1f], uses: 1, successes: 0);
        fixture.Library.Retire(twin, new SkillRetirement(1, "test"));

        Assert.Empty(new NearDuplicateRule().FindMerges(fixture.Library));
    }

    [Fact]
    public void FindMerges_RefusesAMergeThatBringsAnotherEffectsKeyCloser_SoTheLeastDistanceNeverFalls()
    {
        // The two variants sit either side of pickup(key)'s key: their mean would land right on it.
        var fixture = new Fixture();
        fixture.Add("pickup(key)", Closed, new FactCondition(0b001, 0b001), [0f, 1f], uses: 5, successes: 5);
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 1f], uses: 4, successes: 4);
        fixture.Add("reach(goal)#2", WithoutKey, AtGoal, [-1f, 1f], uses: 2, successes: 2);
        double before = KeySeparation.Closest(fixture.Library)!.Value.Distance;

        Assert.Empty(new NearDuplicateRule().FindMerges(fixture.Library));

        Fixture apart = TwoVariantsOfReachingTheGoal();
        double apartBefore = KeySeparation.Closest(apart.Library)!.Value.Distance;
        MergedSkill made = apart.MergeOnly();
        made.Skill.Id = 3;
        apart.Library.Restore(made.Skill);
        Assert.True(KeySeparation.Closest(apart.Library)!.Value.Distance >= apartBefore);
        Assert.Equal(1 - VectorMath.CosineSimilarity([0f, 1f], [1f, 1f]), before, 6);
    }

    [Theory]
    [InlineData("context 1")]
    [InlineData("adapted0123abcd")]
    public void FindMerges_NeverFoldsAVariantBackIntoItsOriginal(string variant)
    {
        var fixture = new Fixture();
        fixture.Add("reach(goal)", WithKey, AtGoal, [1f, 0.2f], uses: 10, successes: 7);
        Skill copy = fixture.Add("reach(goal)#2", WithKey, AtGoal, [0.6f, -0.8f], uses: 8, successes: 8);
        Assert.Single(new NearDuplicateRule().FindMerges(fixture.Library)); // as plain skills, they are one skill twice

        copy.Variant = variant;

        Assert.Empty(new NearDuplicateRule().FindMerges(fixture.Library));
    }

    [Fact]
    public void Totals_AfterAMerge_CountEveryUseOnce()
    {
        Fixture fixture = TwoVariantsOfReachingTheGoal();
        LibraryStatistics before = fixture.Library.GetStatistics();

        MergedSkill made = fixture.MergeOnly();
        fixture.Library.Add(made.Skill);
        LibraryStatistics after = fixture.Library.GetStatistics();

        Assert.Equal(before.TotalUses, after.TotalUses);
        Assert.Equal(before.TotalSuccesses, after.TotalSuccesses);
        Assert.Equal(before.TotalDemonstrations, after.TotalDemonstrations);
        Assert.Equal(before.TotalSkills + 1, after.TotalSkills);
        Assert.All(fixture.Library.Skills.Where(s => s.IsRetired), s => Assert.True(s.Retirement!.CountsCarriedOver));
    }

    [Fact]
    public void KeySeparation_CountsOnlyActiveNonChainSkillsOfDifferentEffects()
    {
        var fixture = new Fixture();
        Assert.Null(KeySeparation.Closest(fixture.Library));
        fixture.Add("a", Closed, AtGoal, [1f, 0f], 1, 1);
        fixture.Add("a#2", WithKey, AtGoal, [1f, 0f], 1, 1); // same effect: never counted
        Assert.Null(KeySeparation.Closest(fixture.Library));
        Skill far = fixture.Add("b", Closed, DoorOpen, [0f, 1f], 1, 1);
        Skill near = fixture.Add("c", Closed, new FactCondition(0b001, 0b001), [1f, 0.1f], 1, 1);
        fixture.Library.Add(new Skill("seq", Closed, DoorOpen, new SkillChainPolicy(["a", "b"]), new SkillTermination(DoorOpen, 9), [1f, 0f]));

        var closest = KeySeparation.Closest(fixture.Library)!.Value;
        Assert.Equal(("a", "c"), (closest.First.Name, closest.Second.Name));
        fixture.Library.Retire(near, new SkillRetirement(1, "test"));
        Assert.Equal(far, KeySeparation.Closest(fixture.Library)!.Value.Second);
    }

    [Fact]
    public void Apply_ReplacesChainsNamingAnAbsorbedSkill_ByOneChainNamingTheMergedSkill_WithTheirStatisticsSummed()
    {
        Fixture fixture = TwoVariantsOfReachingTheGoal();
        Skill Chain(string last, int uses, int successes)
        {
            var chain = new Skill($"seq(pickup(key),{last})", Closed, AtGoal, new SkillChainPolicy(["pickup(key)", last]), new SkillTermination(AtGoal, 30), [0f, 1f]);
            chain.Statistics.Restore(uses, successes, 1);
            fixture.Library.Add(chain);
            return chain;
        }
        Skill first = Chain("reach(goal)", 5, 3), second = Chain("reach(goal)#2", 7, 7);
        Skill untouched = new("seq(pickup(key),x)", Closed, DoorOpen, new SkillChainPolicy(["pickup(key)", "x"]), new SkillTermination(DoorOpen, 9), [0f, 1f]);
        fixture.Library.Add(untouched);

        MergedSkill made = fixture.MergeOnly();

        Assert.Equal([first, second], made.RetiredChains);
        Assert.True(first.IsRetired && second.IsRetired && !untouched.IsRetired);
        Skill chain = Assert.Single(made.Chains);
        Assert.Equal(["pickup(key)", made.Skill.Name], ((SkillChainPolicy)chain.Policy).Children);
        Assert.Equal($"seq(pickup(key),{made.Skill.Name})", chain.Name);
        Assert.Equal((12, 10, 2), (chain.Statistics.Uses, chain.Statistics.Successes, chain.Statistics.Demonstrations));
        Assert.Equal([made.Skill, chain], made.NewSkills);
        Assert.Equal(-1, chain.Id);
    }

    [Fact]
    public void Totals_AfterAMergeWhoseRenamedChainIsAlreadyHeld_CountEveryUseOnce()
    {
        // reach(goal) already has the merged preconditions, so it is the target and keeps its name; the chain naming
        // the absorbed reach(goal)#2 becomes one the library already holds, which takes none of its counts.
        var fixture = new Fixture();
        fixture.Add("pickup(key)", Closed, new FactCondition(0b001, 0b001), [0f, 1f], uses: 10, successes: 10);
        fixture.Add("reach(goal)", new FactCondition(0b110, 0b010), AtGoal, [1f, 0.2f], uses: 10, successes: 7, demonstrations: 3);
        fixture.Add("reach(goal)#2", WithoutKey, AtGoal, [1f, -0.1f], uses: 8, successes: 8);
        Skill Chain(string last, int uses, int successes)
        {
            var chain = new Skill($"seq(pickup(key),{last})", Closed, AtGoal, new SkillChainPolicy(["pickup(key)", last]), new SkillTermination(AtGoal, 30), [0f, 1f]);
            chain.Statistics.Restore(uses, successes, 1);
            fixture.Library.Add(chain);
            return chain;
        }
        Skill held = Chain("reach(goal)", 5, 3), renamed = Chain("reach(goal)#2", 7, 7);
        LibraryStatistics before = fixture.Library.GetStatistics();

        MergedSkill made = fixture.MergeOnly();

        Assert.False(made.IsNew);
        Assert.Empty(made.Chains); // the replacement is already held
        Assert.Equal([renamed], made.RetiredChains);
        Assert.Equal((5, 3), (held.Statistics.Uses, held.Statistics.Successes)); // nothing carried into it
        Assert.False(renamed.Retirement!.CountsCarriedOver);
        LibraryStatistics after = fixture.Library.GetStatistics();
        Assert.Equal((before.TotalUses, before.TotalSuccesses), (after.TotalUses, after.TotalSuccesses));
    }

    [Fact]
    public void Merging_IsDeterministic_BitForBit()
    {
        MergedSkill first = TwoVariantsOfReachingTheGoal().MergeOnly(), second = TwoVariantsOfReachingTheGoal().MergeOnly();

        Assert.Equal(NetworkOf(first.Skill).Parameters.ToArray(), NetworkOf(second.Skill).Parameters.ToArray());
        Assert.Equal(first.Skill.Key, second.Skill.Key);
        Assert.Equal(first.Skill.Name, second.Skill.Name);
    }

    private static Mlp NetworkOf(Skill skill) => ((INetworkPolicy)skill.Policy).Network;
}
