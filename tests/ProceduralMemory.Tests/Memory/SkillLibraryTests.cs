using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class SkillLibraryTests
{
    private static readonly FactSchema Schema = new(["has_key", "door_open"]);
    private static readonly ulong Both = Schema.MaskOf("has_key", "door_open");

    private static Skill NewSkill(string name, float[] key, FactCondition? preconditions = null) =>
        new(name, preconditions ?? FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]),
            new SkillTermination(null, 1), key);

    private static FactCondition Requires(bool hasKey, bool doorOpen) =>
        FactCondition.Of(new Facts((hasKey ? 1UL : 0) | (doorOpen ? 2UL : 0)), Both);

    [Fact]
    public void Add_StoresDissimilarSkills_WithIdsInInsertionOrder()
    {
        var library = new SkillLibrary(2);
        var a = library.Add(NewSkill("a", [1, 0]));
        var b = library.Add(NewSkill("b", [0, 1]));
        Assert.False(a.Merged);
        Assert.False(b.Merged);
        Assert.Equal([0, 1], library.Skills.Select(s => s.Id));
    }

    [Fact]
    public void Add_MergesWhenSimilarityIsAboveThreshold_CountingADemonstrationNotASuccess()
    {
        var library = new SkillLibrary(2);
        var stored = library.Add(NewSkill("a", [1, 0])).Skill;
        // cos = 0.95 > 0.9
        var result = library.Add(NewSkill("a2", [0.95f, MathF.Sqrt(1 - 0.95f * 0.95f)]));
        Assert.True(result.Merged);
        Assert.Same(stored, result.Skill);
        Assert.Equal(1, library.Count);
        Assert.Equal(2, stored.Statistics.Demonstrations);
        Assert.Equal(0, stored.Statistics.Successes);
        Assert.Equal(0, stored.Statistics.Uses);
    }

    [Fact]
    public void Add_KeepsSkillsAtOrBelowThreshold()
    {
        var library = new SkillLibrary(2);
        library.Add(NewSkill("a", [1, 0]));
        // cos = 0.85 <= 0.9
        var result = library.Add(NewSkill("b", [0.85f, MathF.Sqrt(1 - 0.85f * 0.85f)]));
        Assert.False(result.Merged);
        Assert.Equal(2, library.Count);
    }

    [Fact]
    public void Add_MergesIntoTheMostSimilarSkill_NotTheFirstAboveThreshold()
    {
        var library = new SkillLibrary(3, mergeThreshold: 0.5f);
        library.Add(NewSkill("first", [1, 1, 0]));
        var closest = library.Add(NewSkill("closest", [1, 0, 0])).Skill;
        var result = library.Add(NewSkill("candidate", [1, 0.1f, 0]));
        Assert.Same(closest, result.Skill);
    }

    [Fact]
    public void Add_RejectsAKeyOfTheWrongLength()
    {
        var library = new SkillLibrary(3);
        Assert.Throws<ArgumentException>(() => library.Add(NewSkill("a", [1, 0])));
    }

    [Fact]
    public void Retrieve_SkipsInapplicableSkills()
    {
        var library = new SkillLibrary(2);
        library.Add(NewSkill("needs_key", [1, 0], Requires(hasKey: true, doorOpen: false)));
        library.Add(NewSkill("no_key", [0, 1], Requires(hasKey: false, doorOpen: false)));

        var found = library.Retrieve(new Facts(0), [1, 0], topK: 3);

        Assert.Equal(["no_key"], found.Select(s => s.Name));
    }

    [Fact]
    public void Retrieve_IgnoresFactsOutsideThePreconditions()
    {
        var library = new SkillLibrary(2);
        library.Add(NewSkill("needs_key", [1, 0], FactCondition.Of(new Facts(1), Schema.MaskOf("has_key"))));
        Assert.Single(library.Retrieve(new Facts(0b11), [1, 0]));
    }

    [Fact]
    public void Retrieve_RanksBySimilarityAndTakesTopK()
    {
        var library = new SkillLibrary(2, mergeThreshold: 1.01f);
        library.Add(NewSkill("far", [0, 1]));
        library.Add(NewSkill("near", [1, 0.1f]));
        library.Add(NewSkill("middle", [1, 1]));

        var found = library.Retrieve(new Facts(0), [1, 0], topK: 2);

        Assert.Equal(["near", "middle"], found.Select(s => s.Name));
    }

    [Fact]
    public void Retrieve_BreaksTiesByInsertionOrder_WithoutComparingSkills()
    {
        var library = new SkillLibrary(2, mergeThreshold: 1.01f);
        // Identical keys: equal similarity for any query.
        library.Add(NewSkill("older", [1, 1]));
        library.Add(NewSkill("newer", [1, 1]));
        library.Add(NewSkill("other", [0, 1]));

        Assert.Equal(["older", "newer", "other"], library.Retrieve(new Facts(0), [1, 1], topK: 3).Select(s => s.Name));
    }

    [Fact]
    public void Retrieve_WithoutQuery_RanksBySuccessRateThenId()
    {
        var library = new SkillLibrary(2, mergeThreshold: 1.01f);
        var poor = library.Add(NewSkill("poor", [1, 0])).Skill;
        var good = library.Add(NewSkill("good", [0, 1])).Skill;
        library.Add(NewSkill("unused", [1, 1]));
        poor.Statistics.RecordUse(success: false);
        good.Statistics.RecordUse(success: true);

        Assert.Equal(["good", "poor", "unused"], library.Retrieve(new Facts(0), topK: 3).Select(s => s.Name));
    }

    [Fact]
    public void Retrieve_OnAnEmptyLibrary_ReturnsNothing() =>
        Assert.Empty(new SkillLibrary(2).Retrieve(new Facts(0), [1, 0]));

    [Fact]
    public void Statistics_AverageTheSuccessRatesOfUsedSkills()
    {
        var library = new SkillLibrary(2, mergeThreshold: 1.01f);
        var a = library.Add(NewSkill("a", [1, 0])).Skill;
        var b = library.Add(NewSkill("b", [0, 1])).Skill;
        library.Add(NewSkill("never_used", [1, 1]));
        a.Statistics.RecordUse(true);
        a.Statistics.RecordUse(true);
        b.Statistics.RecordUse(true);
        b.Statistics.RecordUse(false);

        LibraryStatistics stats = library.GetStatistics();

        Assert.Equal(3, stats.TotalSkills);
        Assert.Equal(4, stats.TotalUses);
        Assert.Equal(3, stats.TotalSuccesses);
        Assert.Equal(3, stats.TotalDemonstrations);
        Assert.Equal(0.75, stats.AverageSuccessRate, 12);
    }

    [Fact]
    public void UpdateKey_ChangesWhatRetrieveRanksFirst()
    {
        var library = new SkillLibrary(2);
        var a = library.Add(NewSkill("a", [1, 0])).Skill;
        var b = library.Add(NewSkill("b", [0, 1])).Skill;
        Assert.Same(a, library.Retrieve(default, [1, 0], topK: 1)[0]);

        library.UpdateKey(b, [1, 0.01f]);
        library.UpdateKey(a, [0, 1]);

        Assert.Same(b, library.Retrieve(default, [1, 0], topK: 1)[0]);
        Assert.Equal([1, 0.01f], b.Key);
    }

    [Fact]
    public void UpdateKey_AcceptsTheSkillsOwnKeyChangedInPlace()
    {
        var library = new SkillLibrary(2);
        var a = library.Add(NewSkill("a", [1, 0])).Skill;
        library.Add(NewSkill("b", [0.6f, 0.8f]));
        a.Key[0] = 0;
        a.Key[1] = -1;
        library.UpdateKey(a, a.Key);
        Assert.Equal("b", library.Retrieve(default, [1, 0], topK: 1)[0].Name);
    }

    [Fact]
    public void UpdateKey_RejectsASkillOfAnotherLibraryAndABadKey()
    {
        var library = new SkillLibrary(2);
        var mine = library.Add(NewSkill("a", [1, 0])).Skill;
        var theirs = new SkillLibrary(2).Add(NewSkill("b", [0, 1])).Skill;
        Assert.Throws<ArgumentException>(() => library.UpdateKey(theirs, [1, 0]));
        Assert.Throws<ArgumentException>(() => library.UpdateKey(mine, [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => library.UpdateKey(mine, [float.NaN, 0]));
    }

    [Fact]
    public void Retrieve_AfterRestoreAndRemove_SeesOnlyTheSkillsHeld()
    {
        var library = new SkillLibrary(2);
        library.Restore(new Skill("x", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0]) { Id = 7 });
        library.Restore(new Skill("y", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [0, 1]) { Id = 2 });
        // Restoring id 7 again replaces its key as well as its skill.
        library.Restore(new Skill("x2", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [0, 1]) { Id = 7 });
        Assert.Equal(["y", "x2"], library.Retrieve(default, [0, 1], topK: 5).Select(s => s.Name));

        Assert.True(library.Remove(2));
        Assert.Equal(["x2"], library.Retrieve(default, [0, 1], topK: 5).Select(s => s.Name));
        Assert.Equal(8, library.Add(NewSkill("z", [1, 0])).Skill.Id);
    }

    [Fact]
    public void Retrieve_RanksManySkillsAsScoringEachSkillDoes()
    {
        var rng = new Rng(3);
        var library = new SkillLibrary(16, mergeThreshold: 2f);
        for (int i = 0; i < 200; i++)
        {
            var key = new float[16];
            for (int d = 0; d < 16; d++)
                key[d] = (float)(2 * rng.NextDouble() - 1);
            VectorMath.NormalizeInPlace(key);
            library.Add(NewSkill($"s{i}", key, i % 3 == 0 ? Requires(hasKey: true, doorOpen: false) : null));
        }
        var query = library.Skills[17].Key.Select(v => v + 0.1f).ToArray();
        var facts = new Facts(0);
        var expected = library.Skills.Where(s => s.IsApplicable(facts))
            .OrderByDescending(s => VectorMath.CosineSimilarity(query, s.Key)).ThenBy(s => s.Id).Take(12);
        Assert.Equal(expected, library.Retrieve(facts, query, topK: 12));
    }

    [Fact]
    public void Retire_KeepsTheSkill_ButRetrievalSelectionAndActiveSkillsLeaveItOut_UntilItsTrialStartsAgain()
    {
        var library = new SkillLibrary(2);
        Skill a = library.Add(NewSkill("a", [1, 0])).Skill;
        Skill b = library.Add(NewSkill("b", [0.8f, 0.6f])).Skill;
        a.Statistics.Restore(50, 1, 1);

        library.Retire(a, new SkillRetirement(9, "failing"));

        Assert.Equal([a, b], library.Skills);
        Assert.Equal([b], library.ActiveSkills);
        Assert.Equal([b], library.Retrieve(new Facts(0), [1, 0], topK: 3));
        Assert.Equal([b], library.Retrieve(new Facts(0), topK: 3));
        library.UpdateKey(a, [0, 1]); // a retired skill still learns; its key waits outside the index
        Assert.Equal([b], library.Retrieve(new Facts(0), [0, 1], topK: 3));

        library.StartTrial(a);

        Assert.Null(a.Retirement);
        Assert.Equal((50, 1), a.TrialStart);
        Assert.Equal([a, b], library.ActiveSkills);
        Assert.Equal([a, b], library.Retrieve(new Facts(0), [0, 1], topK: 3));
    }

    [Fact]
    public void Restore_OfARetiredSkill_KeepsItOutOfRetrieval()
    {
        var library = new SkillLibrary(2);
        Skill stored = NewSkill("a", [1, 0]);
        stored.Id = 4;
        stored.Retirement = new SkillRetirement(2, "failing");

        library.Restore(stored);

        Assert.Equal([stored], library.Skills);
        Assert.Empty(library.ActiveSkills);
        Assert.Empty(library.Retrieve(new Facts(0), [1, 0], topK: 3));
    }
}
