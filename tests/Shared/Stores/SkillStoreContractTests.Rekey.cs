using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Tests.Shared.Stores.StoreSamples;

namespace ProceduralMemory.Tests.Shared.Stores;

/// <summary>The contract of a re-key (<see cref="LibraryCommit.Rekey"/>): the key model, its bytes and every key change in one transaction, or nothing does.</summary>
public abstract partial class SkillStoreContractTests
{
    private const string NewModel = "situation-encoder/v1 dim=3 features=5 weights=00000000000000ab";
    private static readonly byte[] ModelBytes = [1, 2, 0, 255, 7];

    private static float[] NewKey(int n) => [n, -1f / 3, float.Epsilon];

    private ISkillStore LibraryWithTwoSkills()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1), 10), New(Skill(2))] });
        return store;
    }

    private static LibraryCommit Rekey(params int[] ids) => new()
    {
        Updates = [.. ids.Select(id => new SkillUpdate(id) { Key = NewKey(id) })],
        Rekey = new KeyModelChange(NewModel, 3, ModelBytes),
    };

    [StoreFact]
    public void NewLibrary_StoresNoKeyModelBytes()
    {
        Assert.Null(OpenStore().ReadKeyModel());
        OpenLibrary();

        Assert.Equal(new StoredKeyModel(Manifest.KeyModel, Dimension, null), OpenStore().ReadKeyModel());
    }

    [StoreFact]
    public void Rekey_ChangesTheManifestTheModelAndEveryKey_SeenByAnotherInstance()
    {
        ISkillStore store = LibraryWithTwoSkills();
        ISkillStore other = OpenStore();
        long before = other.ReadChanges(0).Change;

        CommitResult result = store.Commit(Rekey(0, 1));

        Assert.Equal(Manifest with { KeyModel = NewModel, EmbeddingDimension = 3 }, store.Manifest);
        LibraryChanges changed = other.ReadChanges(before);
        Assert.Equal(Manifest with { KeyModel = NewModel, EmbeddingDimension = 3 }, other.Manifest);
        Assert.Equal([0, 1], changed.Skills.Select(s => s.Id));
        Assert.All(changed.Skills, s => Assert.Equal(NewKey(s.Id), s.Key));
        Assert.All(changed.Skills, s => Assert.Equal(result.Change, s.Change));
        StoredKeyModel? stored = OpenStore().ReadKeyModel();
        Assert.Equal((NewModel, 3), (stored!.Id, stored.Dimension));
        Assert.Equal(ModelBytes, stored.Bytes);
        Assert.Single(other.ReadDemonstrations(0)); // everything else is as it was
    }

    [StoreFact]
    public void Rekey_ThatMissesAStoredSkill_IsRefused_AndWritesNothing()
    {
        ISkillStore store = LibraryWithTwoSkills();
        long before = store.ReadChanges(0).Change;

        LibraryException e = Assert.Throws<LibraryException>(() => store.Commit(Rekey(0)));

        Assert.Equal($"invalid commit: the re-key to '{NewModel}' gives no new key to stored skill 1", e.Message);
        AssertNotRekeyed(before);
    }

    [StoreFact]
    public void Rekey_WithAKeyOfTheOldDimension_IsRefused_AndWritesNothing()
    {
        ISkillStore store = LibraryWithTwoSkills();
        long before = store.ReadChanges(0).Change;
        LibraryCommit commit = Rekey(0, 1);

        LibraryException e = Assert.Throws<LibraryException>(() => store.Commit(commit with
        {
            Updates = [commit.Updates[0], new SkillUpdate(1) { Key = Key(1) }],
        }));

        Assert.Contains($"the update of skill 1 has a key of {Dimension} numbers; this library's are 3", e.Message);
        AssertNotRekeyed(before);
    }

    [StoreFact]
    public void AfterARekey_NewSkillsTakeTheNewDimension_AndKeysOfTheOldModelAreRefused()
    {
        ISkillStore store = LibraryWithTwoSkills();
        ISkillStore other = OpenStore();
        Assert.NotNull(other.Manifest); // this instance last saw the old model
        store.Commit(Rekey(0, 1));

        Assert.Throws<LibraryException>(() => other.Commit(new LibraryCommit { NewSkills = [New(Skill(3))] }));
        LibraryException stale = Assert.Throws<LibraryException>(() => other.Commit(new LibraryCommit
        {
            NewSkills = [New(Skill(3) with { Key = NewKey(3) })],
            KeysFrom = Manifest.KeyModel,
        }));
        Assert.Contains("re-keyed meanwhile", stale.Message);
        CommitResult added = other.Commit(new LibraryCommit { NewSkills = [New(Skill(3) with { Key = NewKey(3) })], KeysFrom = NewModel });

        Assert.Equal([(2, true)], added.NewSkills);
        Assert.Equal(NewKey(3), OpenStore().ReadChanges(0).Skills.Single(s => s.Id == 2).Key);
    }

    [StoreFact]
    public void Rekey_OfAnEmptyLibrary_WithItsNewSkills_StoresThemUnderTheNewModel()
    {
        ISkillStore store = OpenLibrary();

        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1) with { Key = NewKey(1) })], Rekey = new KeyModelChange(NewModel, 3, null) });

        Assert.Equal(new StoredKeyModel(NewModel, 3, null), OpenStore().ReadKeyModel());
        Assert.Equal(NewKey(1), OpenStore().ReadChanges(0).Skills.Single().Key);
    }

    private void AssertNotRekeyed(long change)
    {
        ISkillStore reader = OpenStore();
        LibraryChanges changes = reader.ReadChanges(0);
        Assert.Equal(change, changes.Change);
        Assert.Equal(Manifest, reader.Manifest);
        Assert.Equal(new StoredKeyModel(Manifest.KeyModel, Dimension, null), reader.ReadKeyModel());
        Assert.All(changes.Skills, s => Assert.Equal(Key(s.Id + 1), s.Key));
    }
}
