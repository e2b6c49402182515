using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Sqlite.Tests;

/// <summary>Merging a stored library's near-duplicates (<see cref="StoredSkillMerge"/>) through SQLite: one commit, read back whole.</summary>
public sealed class StoredSkillMergeTests : IDisposable
{
    private static readonly FactCondition AtGoal = new(0b100, 0b100);
    private static readonly BehaviourCloningOptions Cloning = new() { Epochs = 2, BatchSize = 4, LearningRate = 1e-2f, Seed = 3 };
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static SkillRecord Reach(int n, ulong preValues, int uses, int successes) => StoreSamples.Skill(n, uses, successes) with
    {
        Name = n == 1 ? "reach(goal)" : $"reach(goal)#{n}",
        Preconditions = new FactCondition(0b011, preValues),
        Effect = AtGoal,
        Key = [1f, 0.1f * n, 0, 0, 0, 0, 0, 0],
    };

    /// <summary>A library of pickup(key) and two variants of reach(goal) (with and without the key), each with two demonstrations.</summary>
    private string StoredLibrary()
    {
        string path = _directory.Combine("library.db");
        using SqliteSkillStore store = SqliteSkillStore.Open(path);
        store.Create(StoreSamples.Manifest);
        SkillRecord pickup = StoreSamples.Skill(0, 5, 5) with
        {
            Name = "pickup(key)", Preconditions = new FactCondition(0b011, 0), Effect = new FactCondition(0b001, 0b001), Key = [0, 1f, 0, 0, 0, 0, 0, 0],
        };
        store.Commit(new LibraryCommit
        {
            NewSkills = [StoreSamples.New(pickup, 1, 2), StoreSamples.New(Reach(1, 0b011, 10, 7), 3, 4), StoreSamples.New(Reach(2, 0b010, 8, 8), 5, 6)],
            Episodes = [StoreSamples.Episode(1)],
        });
        return path;
    }

    private sealed class CountingStore(ISkillStore inner) : DelegatingSkillStore(inner)
    {
        public int Commits { get; private set; }

        public override CommitResult Commit(LibraryCommit commit)
        {
            Commits++;
            return base.Commit(commit);
        }
    }

    [Fact]
    public void Merge_CommitsOnce_AndReadsBackTheMergedSkill_WithTheVariantsRetired_NotDeleted()
    {
        string path = StoredLibrary();
        StoredSkillMerge.Result result;
        using (var store = new CountingStore(SqliteSkillStore.Open(path)))
        {
            result = StoredSkillMerge.Run(store, new NearDuplicateRule(), Cloning, capacity: 48, dryRun: false);
            Assert.Equal(1, store.Commits);
        }

        Assert.Equal((3, 2), (result.ActiveBefore, result.ActiveAfter));
        Assert.True(result.After!.Value.Distance >= result.Before!.Value.Distance);
        using SqliteSkillStore reopened = SqliteSkillStore.Open(path, readOnly: true);
        LibraryChanges stored = reopened.ReadChanges(0);
        Assert.Equal(4, stored.Skills.Count);
        Assert.Equal(1, stored.EpisodesKept); // nothing else trimmed
        SkillRecord merged = stored.Skills.Single(s => s.Id == 3);
        Assert.Equal(result.Merged[0].Skill.Name, merged.Name);
        Assert.Equal((18, 15, 2), (merged.Uses, merged.Successes, merged.Demonstrations));
        Assert.Equal(new FactCondition(0b010, 0b010), merged.Preconditions);
        Assert.Null(merged.Retired);
        Assert.Equal(4, reopened.ReadDemonstrations(3).Count); // pooled: both variants' two each
        Assert.Equal(StoredPolicy.Of(result.Merged[0].Skill.Policy).Data, merged.Policy.Data); // the retrained network
        foreach (int id in new[] { 1, 2 })
        {
            SkillRecord variant = stored.Skills.Single(s => s.Id == id);
            Assert.StartsWith($"merged into {merged.Name}", variant.Retired!.Reason);
            Assert.Equal(2, reopened.ReadDemonstrations(id).Count); // its demonstrations kept
        }
        Assert.Null(stored.Skills.Single(s => s.Id == 0).Retired);
    }

    [Fact]
    public void AMergedVariant_IsRestorable()
    {
        string path = StoredLibrary();
        using var store = SqliteSkillStore.Open(path);
        StoredSkillMerge.Run(store, new NearDuplicateRule(), Cloning, capacity: 48, dryRun: false);

        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(1) { StartTrial = true }] });

        SkillRecord restored = store.ReadChanges(0).Skills.Single(s => s.Id == 1);
        Assert.Null(restored.Retired);
        Assert.Equal((10, 7), (restored.Uses, restored.Successes));
    }

    [Fact]
    public void ADryRun_WritesNothing_AndAgreesWithTheRealRun()
    {
        string path = StoredLibrary();
        byte[] before = File.ReadAllBytes(path);
        StoredSkillMerge.Result dry;
        using (var store = new CountingStore(SqliteSkillStore.Open(path, readOnly: true)))
        {
            dry = StoredSkillMerge.Run(store, new NearDuplicateRule(), Cloning, capacity: 48, dryRun: true);
            Assert.Equal(0, store.Commits);
        }
        Assert.Equal(before, File.ReadAllBytes(path));

        using var writer = SqliteSkillStore.Open(path);
        StoredSkillMerge.Result real = StoredSkillMerge.Run(writer, new NearDuplicateRule(), Cloning, capacity: 48, dryRun: false);
        Assert.Equal(dry.Merges.Select(m => m.Members.Select(s => s.Id)), real.Merges.Select(m => m.Members.Select(s => s.Id)));
        Assert.Equal(StoredPolicy.Of(dry.Merged[0].Skill.Policy).Data, StoredPolicy.Of(real.Merged[0].Skill.Policy).Data);
        Assert.Equal(dry.After!.Value.Distance, real.After!.Value.Distance);
    }

    [Fact]
    public void NothingToMerge_CommitsNothing()
    {
        string path = StoredLibrary();
        using var store = new CountingStore(SqliteSkillStore.Open(path));

        StoredSkillMerge.Result result = StoredSkillMerge.Run(store, new NearDuplicateRule { MinKeySimilarity = 1f }, Cloning, 48, dryRun: false);

        Assert.Empty(result.Merges);
        Assert.Equal(0, store.Commits);
        Assert.Equal(result.ActiveBefore, result.ActiveAfter);
    }
}
