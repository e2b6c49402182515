using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;

namespace ProceduralMemory.Sqlite.Tests.Agents;

/// <summary>The agent learning into, and continuing from, a real SQLite library.</summary>
public class ProceduralMemoryAgentStoreTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 20).ToArray();

    private static TrainingPlan Plan(int steps, int seed = 1) => new()
    {
        MaxSteps = steps,
        TrainingSeed = seed,
        EvaluationSeeds = HeldOut,
        EpisodeStepLimit = EnvironmentRegistry.Create("doorkey-5x5").MaxSteps,
    };

    private static ProceduralMemoryAgent Agent(ISkillStore? store, ulong seed = 1) =>
        new(EnvironmentRegistry.Create("doorkey-5x5"), new ProceduralMemoryAgentOptions { Seed = seed }, store);

    [Fact]
    public void Training_WithAStore_LearnsExactlyWhatItLearnsInMemory()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));

        var inMemory = LearningRun.Train(Agent(null), Plan(1500));
        var stored = LearningRun.Train(Agent(store), Plan(1500));

        Assert.Equal(inMemory.Select(p => p.Evaluation), stored.Select(p => p.Evaluation));
    }

    [Fact]
    public void Reopening_TheLibrary_RestoresAnAgentThatPlaysIdentically()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        ProceduralMemoryAgent trained;
        using (var store = SqliteSkillStore.Open(path))
        {
            trained = Agent(store);
            LearningRun.Train(trained, Plan(1500));
        }

        using var readOnly = SqliteSkillStore.Open(path, readOnly: true);
        var restored = Agent(readOnly, seed: 99); // another seed: the encoder comes from the library, eval uses no training randomness

        Assert.Equal(trained.Library.Skills.Select(s => (s.Id, s.Name, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations)),
            restored.Library.Skills.Select(s => (s.Id, s.Name, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations)));
        Assert.Equal(LearningRun.Evaluate(trained, HeldOut, 250), LearningRun.Evaluate(restored, HeldOut, 250));
    }

    [Fact]
    public void Continuing_FromALibrary_KeepsItsSkillsAndAddsToTheirStatistics()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        int[] usesBefore;
        using (var store = SqliteSkillStore.Open(path))
        {
            var first = Agent(store);
            LearningRun.Train(first, Plan(1500));
            usesBefore = first.Library.Skills.Select(s => s.Statistics.Uses).ToArray();
        }

        using (var store = SqliteSkillStore.Open(path))
        {
            var second = Agent(store, seed: 2);
            Assert.Equal(usesBefore.Length, second.Library.Count);
            LearningRun.Train(second, Plan(1000, seed: 2));
            Assert.True(second.Library.Skills.Take(usesBefore.Length).Select(s => s.Statistics.Uses).Sum() > usesBefore.Sum());
        }

        using var reread = SqliteSkillStore.Open(path, readOnly: true);
        Assert.True(reread.ReadChanges(0).Episodes > 0);
    }

    [Fact]
    public void Opening_ALibraryOfAnotherKindOfEnvironment_Throws()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        LearningRun.Train(Agent(store), Plan(300));

        var e = Assert.Throws<LibraryException>(() => new ProceduralMemoryAgent(EnvironmentRegistry.Create("gridworld"), store: store));
        Assert.Contains("another kind of environment", e.Message);
    }

    [Fact]
    public void Evaluating_FromAnEmptyReadOnlyLibrary_Throws()
    {
        using var dir = new TemporaryDirectory();
        SqliteSkillStore.Open(dir.Combine("lib.db")).Dispose();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"), readOnly: true);
        Assert.Throws<LibraryException>(() => Agent(store));
    }

    [Fact]
    public void TwoAgents_OnOneLibrary_TrainEachSkillOnEveryonesDemonstrations()
    {
        using var dir = new TemporaryDirectory();
        using var storeA = SqliteSkillStore.Open(dir.Combine("lib.db"));
        using var storeB = SqliteSkillStore.Open(dir.Combine("lib.db"));
        var a = Agent(storeA, seed: 1);
        var b = Agent(storeB, seed: 2);
        int limit = EnvironmentRegistry.Create("doorkey-5x5").MaxSteps;
        for (int episode = 0; episode < 40; episode++)
        {
            b.PlayEpisode(2_000_000 + episode, limit, learn: true);
            a.PlayEpisode(1_000_000 + episode, limit, learn: true);
        }

        // Both demonstrated the skills, and a (which played last) trains each on the library's kept demonstrations,
        // b's included, not on its own alone.
        Assert.True(a.Committed.Demonstrations > 0 && b.Committed.Demonstrations > 0);
        var kept = a.Library.Skills.Where(s => a.HasModule(s.Id)).Select(s => (s.Id, storeA.ReadDemonstrations(s.Id).Count)).ToList();
        Assert.Equal(kept, a.Library.Skills.Where(s => a.HasModule(s.Id)).Select(s => (s.Id, a.ModuleOf(s.Id).DemonstrationCount)));
        Assert.Contains(kept, k => k.Count > 1);
    }

    // Strict enough to retire skills within a short test run: any skill failing half its uses, after one. On
    // doorkey-8x8 (3,000 steps, seed 1) a variant of open(door) learned where no key is held fails its first use.
    private static readonly RetirementRule Strict = new() { MinSuccessRate = 0.5, MinUses = 1 };

    private static ProceduralMemoryAgent StrictAgent(ISkillStore? store, ulong seed = 1) =>
        new(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = seed, Retirement = Strict }, store);

    private static TrainingPlan Plan8x8 => Plan(3000) with { EvaluationSeeds = [0, 1], EpisodeStepLimit = EnvironmentRegistry.Create("doorkey-8x8").MaxSteps };

    [Fact]
    public void Training_RetiresFailingSkills_TheSameWithOrWithoutAStore_AndTheLibraryKeepsThemRetired()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        ProceduralMemoryAgent inMemory = StrictAgent(null), stored;
        var inMemoryCurve = LearningRun.Train(inMemory, Plan8x8);
        IReadOnlyList<LearningCurvePoint> storedCurve;
        using (var store = SqliteSkillStore.Open(path))
        {
            stored = StrictAgent(store);
            storedCurve = LearningRun.Train(stored, Plan8x8);
        }

        var retired = stored.Library.Skills.Where(s => s.IsRetired).Select(s => (s.Id, s.Name, s.Retirement)).ToList();
        Assert.NotEmpty(retired);
        Assert.Equal(retired.Count, stored.Retired);
        Assert.Equal(inMemory.Library.Skills.Where(s => s.IsRetired).Select(s => (s.Id, s.Name, s.Retirement)), retired);
        Assert.Equal(inMemoryCurve.Select(p => p.Evaluation), storedCurve.Select(p => p.Evaluation));
        // After training no active skill is one the rule would retire.
        Assert.All(stored.Library.ActiveSkills, s => Assert.Null(Strict.Judge(s, 0)));
        Assert.All(retired, r => Assert.Matches(@"^succeeded \d+ of \d+ uses( since its last demonstration or restore)? \(\d+\.\d%\), below 50% after 1 uses$", r.Retirement!.Reason));

        using var readOnly = SqliteSkillStore.Open(path, readOnly: true);
        Assert.Equal(retired, readOnly.ReadChanges(0).Skills.Where(s => s.Retired is not null).Select(s => (s.Id, s.Name, s.Retired)));
        var reopened = StrictAgent(readOnly, seed: 99);
        Assert.Equal(retired, reopened.Library.Skills.Where(s => s.IsRetired).Select(s => (s.Id, s.Name, s.Retirement)));
        Assert.Equal(stored.Library.ActiveSkills.Select(s => s.Id), reopened.Library.ActiveSkills.Select(s => s.Id));
    }

    [Fact]
    public void ASkillRestoredInTheStore_IsActiveAgainForAnAgentThatContinues_AndJudgedOnlyOnItsNewUses()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        using var store = SqliteSkillStore.Open(path);
        ProceduralMemoryAgent first = StrictAgent(store);
        LearningRun.Train(first, Plan8x8);
        Skill retired = first.Library.Skills.First(s => s.IsRetired);

        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(retired.Id) { StartTrial = true }] });
        ProceduralMemoryAgent continuing = StrictAgent(store, seed: 2);
        Skill restored = continuing.Library.Find(retired.Id)!;

        Assert.False(restored.IsRetired);
        Assert.Contains(restored, continuing.Library.ActiveSkills);
        Assert.Equal((restored.Statistics.Uses, restored.Statistics.Successes), restored.TrialStart);
        Assert.Null(Strict.Judge(restored, 0)); // no use since the restore: nothing to judge yet
    }

    private static ProceduralMemoryAgent MergingAgent(ISkillStore? store) =>
        new(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = 1, Merging = new NearDuplicateRule() }, store);

    [Fact]
    public void Training_WithMerging_MergesTheSameWithOrWithoutAStore_OneCommitAnEpisode_AndLeavesNoNearDuplicates()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        ProceduralMemoryAgent inMemory = MergingAgent(null), stored;
        var inMemoryCurve = LearningRun.Train(inMemory, Plan8x8);
        IReadOnlyList<LearningCurvePoint> storedCurve;
        var store = new CountingStore(SqliteSkillStore.Open(path));
        using (store)
        {
            stored = MergingAgent(store);
            storedCurve = LearningRun.Train(stored, Plan8x8);
        }

        Assert.True(stored.Merged > 0, "nothing was merged on doorkey-8x8 in 3,000 steps");
        Assert.Equal(inMemory.Merged, stored.Merged);
        Assert.Equal(inMemory.Library.Skills.Select(Summary), stored.Library.Skills.Select(Summary));
        Assert.Equal(inMemoryCurve.Select(p => p.Evaluation), storedCurve.Select(p => p.Evaluation));
        Assert.Empty(new NearDuplicateRule().FindMerges(stored.Library));
        Assert.Contains(stored.Library.Skills, s => s.Retirement?.Reason.StartsWith("merged into ", StringComparison.Ordinal) == true);
        Assert.Equal(stored.Library.Skills.Count(s => s.Policy is not SkillChainPolicy), stored.Library.Skills.Count(s => s.Policy is not SkillChainPolicy && stored.HasModule(s.Id)));
        // Each merge went out whole in its episode's commit: the retirements with the merged skill they name.
        Assert.NotEmpty(store.Merges);
        Assert.All(store.Merges, commit => Assert.Single(commit.Episodes));
        Assert.All(store.Merges, commit => Assert.All(commit.Updates.Where(u => u.Retire?.Reason.StartsWith("merged into ", StringComparison.Ordinal) == true),
            u => Assert.Contains(commit.NewSkills.Select(n => n.Skill.Name).Concat(commit.Updates.Where(v => v.Policy is not null).Select(v => stored.Library.Find(v.Id)!.Name)),
                name => u.Retire!.Reason.StartsWith($"merged into {name}, ", StringComparison.Ordinal))));

        using var readOnly = SqliteSkillStore.Open(path, readOnly: true);
        var reopened = MergingAgent(readOnly);
        Assert.Equal(stored.Library.Skills.Select(Summary), reopened.Library.Skills.Select(Summary));
    }

    private static (int, string, bool, FactCondition, int, int, int) Summary(Skill s) =>
        (s.Id, s.Name, s.IsRetired, s.Preconditions, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations);

    private sealed class CountingStore(ISkillStore inner) : DelegatingSkillStore(inner)
    {
        /// <summary>The commits that retired a skill by merging it.</summary>
        public List<LibraryCommit> Merges { get; } = [];

        public override CommitResult Commit(LibraryCommit commit)
        {
            if (commit.Updates.Any(u => u.Retire?.Reason.StartsWith("merged into ", StringComparison.Ordinal) == true))
                Merges.Add(commit);
            return base.Commit(commit);
        }
    }
}
