using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Tests.Shared.Stores.StoreSamples;

namespace ProceduralMemory.Tests.Shared.Stores;

/// <summary>
/// What every <see cref="ISkillStore"/> must do, written once and run against each backend by a subclass that says
/// how to open its store. Each test gets a store of its own; every <see cref="OpenStore"/> call in a test is another
/// instance (another connection) on that same store, starting empty. A backend's test project also implements
/// <see cref="StoreAvailability.SkipReason"/>, which skips the contract where its store cannot run (no server).
/// </summary>
public abstract partial class SkillStoreContractTests : IDisposable
{
    private readonly List<ISkillStore> _opened = [];

    /// <summary>Opens another instance on this test's store (the first call finds it empty).</summary>
    protected abstract ISkillStore OpenNewInstance();

    /// <summary>Opens an instance that the test class disposes at the end.</summary>
    protected ISkillStore OpenStore()
    {
        ISkillStore store = OpenNewInstance();
        lock (_opened)
            _opened.Add(store);
        return store;
    }

    /// <summary>An instance on a store already created with <see cref="StoreSamples.Manifest"/>.</summary>
    protected ISkillStore OpenLibrary()
    {
        ISkillStore store = OpenStore();
        store.Create(Manifest);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (ISkillStore store in _opened)
            store.Dispose();
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public void NewStore_HasNoManifest_AndNothingToRead()
    {
        using ISkillStore store = OpenNewInstance();

        LibraryChanges changes = store.ReadChanges(0);

        Assert.Null(store.Manifest);
        Assert.False(store.IsReadOnly);
        Assert.Empty(changes.Skills);
        Assert.Empty(changes.SkillIds);
        Assert.Equal(0, changes.Episodes);
    }

    [StoreFact]
    public void Create_ManifestReadsBackEqual_FromAnotherInstance()
    {
        OpenLibrary();

        Assert.Equal(Manifest, OpenStore().Manifest);
    }

    [StoreFact]
    public void Create_OnALibrary_ReturnsTheStoredManifest_AndChangesNothing()
    {
        OpenLibrary();
        var other = Manifest with { KeyModel = "another-model" };

        ISkillStore late = OpenStore();
        Assert.Equal(Manifest, late.Create(other));
        Assert.Equal(Manifest, late.Manifest);
        Assert.Equal(Manifest, OpenStore().Manifest);
    }

    [StoreFact]
    public void AnInstanceOpenedBeforeAnotherCreatedTheLibrary_SeesItOnItsNextReadOrWrite()
    {
        ISkillStore early = OpenStore();
        OpenLibrary();

        Assert.Equal(Manifest, early.Create(Manifest with { KeyModel = "another-model" }));
        early.ReadChanges(0);
        Assert.Equal(Manifest, early.Manifest);
        Assert.Equal([(0, true)], early.Commit(new LibraryCommit { NewSkills = [New(Skill(1))] }).NewSkills);
    }

    [StoreFact]
    public void Commit_BeforeCreate_Throws()
    {
        ISkillStore store = OpenStore();

        Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit { NewSkills = [New(Skill(1))] }));
    }

    [StoreFact]
    public void Commit_RoundTripsEveryFieldBitExactly()
    {
        ISkillStore store = OpenLibrary();
        SkillRecord neural = Skill(1, uses: 7, successes: 5), openLoop = Skill(2, uses: 3, successes: 3, neural: false);

        CommitResult result = store.Commit(new LibraryCommit
        {
            NewSkills = [New(neural, 10, 11), New(openLoop)],
            Episodes = [Episode(1), Episode(2)],
            OutcomeIncrements = [GridDomain.Instance.CountOf(3, 2, new ActionOutcome(-1, 1, 2, ulong.MaxValue), 4)],
        });
        LibraryChanges changes = OpenStore().ReadChanges(0);

        Assert.Equal([(0, true), (1, true)], result.NewSkills);
        Assert.Equal([0, 1], changes.SkillIds);
        AssertSameSkill(neural, changes.Skills[0]);
        AssertSameSkill(openLoop, changes.Skills[1]);
        Assert.All(changes.Skills, s => Assert.Equal(result.Change, s.Change));
        Assert.All(changes.Skills, s => Assert.Equal(2, s.CreatedEpisode));
        Assert.Equal([0, 1], changes.Skills.Select(s => s.Id));
        Assert.Equal([GridDomain.Instance.CountOf(3, 2, new ActionOutcome(-1, 1, 2, ulong.MaxValue), 4)], changes.Outcomes);
        Assert.Equal((result.Change, 2L, 2), (changes.Change, changes.Episodes, changes.EpisodesKept));
        StoredPolicy.Read(changes.Skills[0].Policy.Kind, changes.Skills[0].Policy.Data).ToPolicy();
    }

    [StoreFact]
    public void Demonstrations_AndEpisodes_RoundTripBitExactly_OldestFirst()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1), 10, 11)], Episodes = [Episode(1), Episode(2)] });
        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(0) { NewDemonstrations = [Trajectory(12)] }], Episodes = [Episode(3)] });

        ISkillStore other = OpenStore();
        IReadOnlyList<IReadOnlyList<ProceduralMemory.Learning.AgentStep>> demonstrations = other.ReadDemonstrations(0);
        IReadOnlyList<EpisodeRecord> episodes = other.ReadEpisodes(2);

        Assert.Equal(3, demonstrations.Count);
        AssertSameTrajectory(Trajectory(10), demonstrations[0]);
        AssertSameTrajectory(Trajectory(11), demonstrations[1]);
        AssertSameTrajectory(Trajectory(12), demonstrations[2]);
        Assert.Equal([2, 3], episodes.Select(e => e.LayoutSeed));
        Assert.Equal((Episode(2).Environment, Episode(2).Return, Episode(2).Success), (episodes[0].Environment, episodes[0].Return, episodes[0].Success));
        AssertSameTrajectory(Episode(3).Steps, episodes[1].Steps);
        Assert.Empty(other.ReadDemonstrations(99));
        Assert.Equal(3, other.ReadEpisodes(10).Count);
    }

    [StoreFact]
    public void NewSkill_WithTheSamePreconditionsAndEffect_MergesIntoTheStoredOne()
    {
        ISkillStore store = OpenLibrary();
        SkillRecord first = Skill(1, uses: 4, successes: 2);
        store.Commit(new LibraryCommit { NewSkills = [New(first, 10)] });
        SkillRecord again = Skill(1, uses: 3, successes: 1) with { Name = "other", Key = Key(5), Policy = Network(5), StepLimit = 99, Demonstrations = 2 };

        CommitResult result = OpenStore().Commit(new LibraryCommit { NewSkills = [New(again, 11)] });
        SkillRecord stored = Assert.Single(store.ReadChanges(0).Skills);

        Assert.Equal([(0, false)], result.NewSkills);
        AssertSameSkill(first with { Uses = 7, Successes = 3, Demonstrations = 3 }, stored);
        Assert.Equal(result.Change, stored.Change);
        Assert.Equal(2, store.ReadDemonstrations(0).Count);
    }

    [StoreFact]
    public void NewSkills_RepeatedWithinOneCommit_MergeIntoOne()
    {
        ISkillStore store = OpenLibrary();

        CommitResult result = store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, 1, 1)), New(Skill(2)), New(Skill(1, 2, 0))] });

        Assert.Equal([(0, true), (1, true), (0, false)], result.NewSkills);
        SkillRecord merged = store.ReadChanges(0).Skills[0];
        Assert.Equal((3, 1, 2), (merged.Uses, merged.Successes, merged.Demonstrations));
    }

    [StoreFact]
    public void Ids_AreNeverReused_AfterPruning()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 5)), New(Skill(2, uses: 5))] });
        Assert.Equal([0, 1], store.Prune(new PruneRule { MinSuccessRate = 0.5 }));

        CommitResult result = store.Commit(new LibraryCommit { NewSkills = [New(Skill(1)), New(Skill(3))] });

        Assert.Equal([(2, true), (3, true)], result.NewSkills);
        Assert.Equal([2, 3], OpenStore().ReadChanges(0).SkillIds);
    }

    [StoreFact]
    public void Updates_AddCounters_AndReplaceKeyStepLimitAndPolicyOnlyWhenGiven()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 2, successes: 1)), New(Skill(2))] });

        store.Commit(new LibraryCommit
        {
            Updates =
            [
                new SkillUpdate(0) { AddUses = 3, AddSuccesses = 2, AddDemonstrations = 1 },
                new SkillUpdate(1) { Key = Key(9), StepLimit = 77, Policy = OpenLoopPolicyCodec.Store([1, 1]) },
                new SkillUpdate(0) { AddUses = 1 },
            ],
        });
        IReadOnlyList<SkillRecord> skills = OpenStore().ReadChanges(0).Skills;

        AssertSameSkill(Skill(1) with { Uses = 6, Successes = 3, Demonstrations = 2 }, skills[0]);
        AssertSameSkill(Skill(2) with { Key = Key(9), StepLimit = 77, Policy = OpenLoopPolicyCodec.Store([1, 1]) }, skills[1]);
    }

    [StoreFact]
    public void Update_OfAMissingSkill_IsDropped_AndTheRestApplies()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1))] });

        store.Commit(new LibraryCommit
        {
            Updates = [new SkillUpdate(42) { AddUses = 1, NewDemonstrations = [Trajectory(1)] }, new SkillUpdate(0) { AddUses = 1 }],
        });

        Assert.Equal(1, store.ReadChanges(0).Skills[0].Uses);
        Assert.Empty(store.ReadDemonstrations(42));
    }

    [StoreFact]
    public void ConcurrentCommits_FromSeveralInstances_LoseNoIncrement()
    {
        long start = OpenLibrary().Commit(new LibraryCommit { NewSkills = [New(Skill(0))] }).Change;
        const int writers = 4, commitsEach = 15;

        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            using ISkillStore store = OpenNewInstance();
            for (int c = 0; c < commitsEach; c++)
            {
                store.Commit(new LibraryCommit
                {
                    // Every writer also learns the same new skill: it must end up once, with every count.
                    NewSkills = [New(Skill(1, uses: 1, successes: 1))],
                    Updates = [new SkillUpdate(0) { AddUses = 2, AddSuccesses = 1, AddDemonstrations = 1 }],
                    OutcomeIncrements = [GridDomain.Instance.CountOf(1, 1, new ActionOutcome(0, 0, 0, 1UL << 63), 3)],
                    Episodes = [Episode(w * 100 + c)],
                });
            }
        });
        LibraryChanges changes = OpenStore().ReadChanges(0);

        const int total = writers * commitsEach;
        Assert.Equal([0, 1], changes.SkillIds);
        Assert.Equal((2 * total, total, 1 + total), (changes.Skills[0].Uses, changes.Skills[0].Successes, changes.Skills[0].Demonstrations));
        Assert.Equal((total, total, total), (changes.Skills[1].Uses, changes.Skills[1].Successes, changes.Skills[1].Demonstrations));
        Assert.Equal(3L * total, Assert.Single(changes.Outcomes).Count);
        Assert.Equal((long)total, changes.Episodes);
        Assert.Equal(start + total, changes.Change);
    }

    [StoreFact]
    public void Retention_KeepsTheNewestDemonstrationsOfEachTouchedSkill_AndTheNewestEpisodes()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1), 1, 2, 3), New(Skill(2), 4)], Episodes = [Episode(1), Episode(2)] });

        store.Commit(new LibraryCommit
        {
            Updates = [new SkillUpdate(0) { NewDemonstrations = [Trajectory(5), Trajectory(6)] }],
            Episodes = [Episode(3), Episode(4), Episode(5)],
            DemonstrationsToKeep = 3,
            EpisodesToKeep = 2,
        });

        Assert.Equal([3, 5, 6], store.ReadDemonstrations(0).Select(d => (int)(d[0].State >> 32)));
        Assert.Equal([4], store.ReadDemonstrations(1).Select(d => (int)(d[0].State >> 32)));
        Assert.Equal([4, 5], store.ReadEpisodes(10).Select(e => e.LayoutSeed));
        LibraryChanges changes = store.ReadChanges(0);
        Assert.Equal((5L, 2), (changes.Episodes, changes.EpisodesKept));
    }

    [StoreFact]
    public void ReadChanges_Since_ReturnsOnlyWhatLaterCommitsWrote()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit
        {
            NewSkills = [New(Skill(1)), New(Skill(2)), New(Skill(3))],
            OutcomeIncrements = [GridDomain.Instance.CountOf(1, 0, new ActionOutcome(0, 0, 0, 0), 1), GridDomain.Instance.CountOf(2, 0, new ActionOutcome(0, 0, 0, 0), 1)],
        });
        long seen = store.ReadChanges(0).Change;

        ISkillStore other = OpenStore();
        long first = other.Commit(new LibraryCommit
        {
            Updates = [new SkillUpdate(1) { AddUses = 1 }], OutcomeIncrements = [GridDomain.Instance.CountOf(2, 0, new ActionOutcome(0, 0, 0, 0), 5)],
        }).Change;
        other.Prune(new PruneRule { MinSuccessRate = 1 });
        long second = other.Commit(new LibraryCommit { NewSkills = [New(Skill(4))] }).Change;
        LibraryChanges later = store.ReadChanges(seen);

        Assert.True(first > seen && second > first);
        Assert.Equal([3], later.Skills.Select(s => s.Id));
        Assert.Equal([GridDomain.Instance.CountOf(2, 0, new ActionOutcome(0, 0, 0, 0), 6)], later.Outcomes);
        Assert.Equal([0, 2, 3], later.SkillIds);
        Assert.Equal(later.Change, store.ReadChanges(later.Change).Change);
        Assert.Empty(store.ReadChanges(later.Change).Skills);
    }

    public static TheoryData<string> InvalidCommits => ["short key", "NaN key", "negative uses", "successes above uses",
        "update pushes successes above uses", "unreadable policy", "negative update", "zero step limit", "ragged trajectory", "NaN return",
        "retire and start a trial at once", "retirement without a reason", "trial start above the counts"];

    [StoreTheory]
    [MemberData(nameof(InvalidCommits))]
    public void Commit_WithAnInvalidPartAnywhere_ThrowsAndWritesNothing(string invalid)
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 1), 1)], Episodes = [Episode(1)] });
        LibraryChanges before = store.ReadChanges(0);
        SkillRecord good = Skill(2);
        SkillRecord? badSkill = invalid switch
        {
            "short key" => good with { Key = Key(2)[..3] },
            "NaN key" => good with { Key = [.. Key(2)[..7], float.NaN] },
            "negative uses" => good with { Uses = -1 },
            "successes above uses" => good with { Uses = 1, Successes = 2 },
            "unreadable policy" => good with { Policy = CorruptNetwork() },
            "zero step limit" => good with { StepLimit = 0 },
            "trial start above the counts" => good with { Uses = 2, TrialStartUses = 3 },
            _ => null,
        };
        SkillUpdate update = invalid switch
        {
            "update pushes successes above uses" => new SkillUpdate(0) { AddSuccesses = 3 },
            "negative update" => new SkillUpdate(0) { AddUses = -1 },
            "retire and start a trial at once" => new SkillUpdate(0) { Retire = new SkillRetirement(1, "failing"), StartTrial = true },
            "retirement without a reason" => new SkillUpdate(0) { Retire = new SkillRetirement(1, " ") },
            _ => new SkillUpdate(0) { AddUses = 1 },
        };
        var commit = new LibraryCommit
        {
            NewSkills = [New(Skill(3), 5), .. badSkill is null ? Array.Empty<NewSkill>() : [New(badSkill)], New(Skill(4))],
            Updates = [new SkillUpdate(0) { AddUses = 1, NewDemonstrations = [Trajectory(6)] }, update],
            OutcomeIncrements = [GridDomain.Instance.CountOf(1, 1, new ActionOutcome(1, 1, 1, 1), 1)],
            Episodes = [Episode(2), invalid == "NaN return" ? Episode(3) with { Return = double.NaN } : Episode(3)],
        };
        if (invalid == "ragged trajectory")
            commit = commit with { Updates = [new SkillUpdate(0) { NewDemonstrations = [[Trajectory(1)[0], Trajectory(2, features: 2)[0]]] }] };

        Assert.Throws<LibraryException>(() => store.Commit(commit));
        LibraryChanges after = OpenStore().ReadChanges(0);

        Assert.Equal((before.Change, before.Episodes, before.EpisodesKept), (after.Change, after.Episodes, after.EpisodesKept));
        Assert.Equal(before.SkillIds, after.SkillIds);
        AssertSameSkill(before.Skills[0], after.Skills[0]);
        Assert.Empty(after.Outcomes);
        Assert.Single(store.ReadDemonstrations(0));
        Assert.Equal((1, true), store.Commit(new LibraryCommit { NewSkills = [New(Skill(9))] }).NewSkills[0]);
    }

    [StoreFact]
    public void Retire_KeepsTheSkillRetiredWithItsReason_AndRestore_MakesItActiveWithItsCountsAsTheNewStart()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 50, successes: 4), 1), New(Skill(2, uses: 3, successes: 3))] });
        var retirement = new SkillRetirement(7, "succeeded 4 of 50 uses (8.0%), below 20% after 50 uses");

        long retiredAt = store.Commit(new LibraryCommit { Updates = [new SkillUpdate(0) { Retire = retirement }] }).Change;
        LibraryChanges retired = OpenStore().ReadChanges(retiredAt - 1);

        AssertSameSkill(Skill(1, uses: 50, successes: 4) with { Retired = retirement }, Assert.Single(retired.Skills));
        Assert.Equal([0, 1], retired.SkillIds); // still stored, demonstrations and all
        Assert.Single(store.ReadDemonstrations(0));
        Assert.Null(OpenStore().ReadChanges(0).Skills[1].Retired);

        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(0) { AddUses = 2, AddSuccesses = 1, StartTrial = true }] });
        SkillRecord restored = OpenStore().ReadChanges(0).Skills[0];

        AssertSameSkill(Skill(1, uses: 52, successes: 5) with { TrialStartUses = 52, TrialStartSuccesses = 5 }, restored);

        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(0) { AddUses = 1 }] });
        SkillRecord later = OpenStore().ReadChanges(0).Skills[0];
        Assert.Equal((53, 52, 5), (later.Uses, later.TrialStartUses, later.TrialStartSuccesses)); // a later update keeps the restored counts
        Assert.Null(later.Retired);
    }

    [StoreFact]
    public void Restore_OfAnExport_KeepsEachSkillsLifecycleState()
    {
        ISkillStore store = OpenLibrary();
        SkillRecord retired = Skill(1, uses: 60, successes: 2) with { Id = 4, Retired = new SkillRetirement(30, "failing"), TrialStartUses = 5, TrialStartSuccesses = 1 };

        store.Commit(new LibraryCommit { NewSkills = [New(retired), New(Skill(2) with { Id = 5 })], RestoreEpisodes = 40 });
        IReadOnlyList<SkillRecord> skills = OpenStore().ReadChanges(0).Skills;

        AssertSameSkill(retired, skills[0]);
        AssertSameSkill(Skill(2), skills[1]);
    }

    [StoreFact]
    public void Prune_DeletesExactlyTheSkillsTheRuleSelects_WithTheirDemonstrations()
    {
        ISkillStore store = OpenLibrary();
        var skills = new List<(int Uses, int Successes)>();
        for (int uses = 0; uses <= 4; uses++)
            for (int successes = 0; successes <= uses; successes++)
                skills.Add((uses, successes));
        // Half the skills are created after 10 episodes, half after 20: ages 10 and 0 when pruning.
        int half = skills.Count / 2;
        store.Commit(new LibraryCommit
        {
            NewSkills = [.. skills.Take(half).Select((s, i) => New(Skill(i, s.Uses, s.Successes), i))],
            Episodes = [.. Enumerable.Range(0, 10).Select(Episode)],
        });
        store.Commit(new LibraryCommit
        {
            NewSkills = [.. skills.Skip(half).Select((s, i) => New(Skill(half + i, s.Uses, s.Successes), half + i))],
            Episodes = [.. Enumerable.Range(10, 10).Select(Episode)],
        });
        var rule = new PruneRule { MinSuccessRate = 0.5, MinUses = 2, MinAgeEpisodes = 5 };
        IReadOnlyList<SkillRecord> all = store.ReadChanges(0).Skills;

        IReadOnlyList<int> pruned = OpenStore().Prune(rule);

        int[] expected = [.. all.Where(s => rule.Selects(s.Uses, s.Successes, s.CreatedEpisode, 20)).Select(s => s.Id)];
        Assert.NotEmpty(expected);
        Assert.Equal(expected, pruned);
        Assert.Equal(all.Select(s => s.Id).Except(expected), store.ReadChanges(0).SkillIds);
        Assert.All(pruned, id => Assert.Empty(store.ReadDemonstrations(id)));
        Assert.Empty(store.Prune(rule));
    }

    [StoreFact]
    public void OutcomeIncrements_AddUpPerContextActionAndEffect()
    {
        ISkillStore store = OpenLibrary();
        var a = GridDomain.Instance.CountOf(7, 2, new ActionOutcome(1, 0, 0, 1UL << 63), 1);
        var b = GridDomain.Instance.CountOf(7, 2, new ActionOutcome(1, 0, 1, 1UL << 63), 1);

        store.Commit(new LibraryCommit { OutcomeIncrements = [a, b, a with { Count = 2 }] });
        OpenStore().Commit(new LibraryCommit { OutcomeIncrements = [b with { Count = 10 }, a with { Count = 0 }] });

        Assert.Equal([a with { Count = 3 }, b with { Count = 11 }], store.ReadChanges(0).Outcomes.OrderBy(o => GridDomain.Instance.OutcomeOf(o).Move.Turns));
    }

    [StoreFact]
    public void EachWrite_AdvancesTheChangeNumberByOne()
    {
        ISkillStore store = OpenLibrary();
        long start = store.ReadChanges(0).Change;

        long first = store.Commit(new LibraryCommit()).Change;
        long second = OpenStore().Commit(new LibraryCommit { NewSkills = [New(Skill(1))] }).Change;

        Assert.Equal((start + 1, start + 2), (first, second));
        Assert.Equal(second, store.ReadChanges(0).Change);
    }

    [StoreFact]
    public void CreatedEpisode_IsTheEpisodeCountIncludingTheCommitsOwnEpisodes()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { Episodes = [Episode(1), Episode(2)] });

        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1))], Episodes = [Episode(3)] });

        Assert.Equal(3, store.ReadChanges(0).Skills[0].CreatedEpisode);
    }

    private static StoredPolicy CorruptNetwork()
    {
        StoredPolicy policy = Network(1);
        policy.Data[20] ^= 1;
        return policy;
    }

    [StoreFact]
    public void Restore_IntoANewLibrary_KeepsIdsCreatedEpisodesAndTheEpisodeCount()
    {
        ISkillStore store = OpenLibrary();
        SkillRecord three = Skill(1) with { Id = 3, CreatedEpisode = 17 }, seven = Skill(2) with { Id = 7, CreatedEpisode = 40 };

        CommitResult result = store.Commit(new LibraryCommit { NewSkills = [New(three, 1), New(seven)], RestoreEpisodes = 55 });
        var next = store.Commit(new LibraryCommit { NewSkills = [New(Skill(3))] }).NewSkills[0];

        Assert.Equal([(3, true), (7, true)], result.NewSkills);
        Assert.Equal((8, true), next); // ids continue after the restored ones, never reusing one
        LibraryChanges all = OpenStore().ReadChanges(0);
        Assert.Equal(55, all.Episodes);
        Assert.Equal([(3, 17L), (7, 40L), (8, 55L)], all.Skills.Select(s => (s.Id, s.CreatedEpisode)));
        AssertSameSkill(three, all.Skills[0]);
        Assert.Single(store.ReadDemonstrations(3));
    }

    [StoreFact]
    public void Restore_IntoALibraryThatHasStoredSkills_IsRefused_AndWritesNothing()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1))] });
        long change = store.ReadChanges(0).Change;

        var e = Assert.Throws<LibraryException>(() =>
            store.Commit(new LibraryCommit { NewSkills = [New(Skill(2) with { Id = 9 })], RestoreEpisodes = 3 }));

        Assert.Contains("new library", e.Message);
        LibraryChanges after = OpenStore().ReadChanges(0);
        Assert.Equal(change, after.Change);
        Assert.Equal([0], after.SkillIds);
    }

    [StoreFact]
    public void Restore_WithTwoSkillsOfOneId_IsRefusedBeforeAnythingIsWritten()
    {
        ISkillStore store = OpenLibrary();

        Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit
        {
            NewSkills = [New(Skill(1) with { Id = 4 }), New(Skill(2) with { Id = 4 })],
            RestoreEpisodes = 0,
        }));
        Assert.Empty(OpenStore().ReadChanges(0).SkillIds);
    }

    [StoreFact]
    public void NewSkills_NamedLikeAStoredSkillWithOtherConditions_AreNumbered_AcrossInstances()
    {
        // Two agents that each discovered a skill of the same name before seeing the other's: both commit it.
        ISkillStore first = OpenLibrary(), second = OpenStore();
        first.Commit(new LibraryCommit { NewSkills = [New(Skill(1) with { Name = "achieve_door_open" })] });

        second.Commit(new LibraryCommit { NewSkills = [New(Skill(2) with { Name = "achieve_door_open" })] });
        first.Commit(new LibraryCommit
        {
            NewSkills = [New(Skill(3) with { Name = "achieve_door_open" }), New(Skill(4) with { Name = "achieve_door_open#2" })],
        });

        Assert.Equal(["achieve_door_open", "achieve_door_open#2", "achieve_door_open#3", "achieve_door_open#4"],
            OpenStore().ReadChanges(0).Skills.OrderBy(s => s.Id).Select(s => s.Name));
    }

    [StoreFact]
    public void NewSkill_MergingIntoAStoredOne_KeepsTheStoredName_AndRenamesNothing()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1) with { Name = "achieve_has_key" }), New(Skill(2) with { Name = "other" })] });

        CommitResult result = OpenStore().Commit(new LibraryCommit { NewSkills = [New(Skill(1) with { Name = "other" })] });

        Assert.Equal([(0, false)], result.NewSkills);
        Assert.Equal(["achieve_has_key", "other"], OpenStore().ReadChanges(0).Skills.OrderBy(s => s.Id).Select(s => s.Name));
    }
}
