using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Tests.Shared.Stores.StoreSamples;

namespace ProceduralMemory.Tests.Shared.Stores;

/// <summary>
/// The contract of the per-context lifecycle's state (<see cref="LibraryCommit.Contexts"/>, schema 7): contexts kept
/// bit for bit with their settings, per-context counts added as increments, split marks; all in the commit's transaction.
/// </summary>
public abstract partial class SkillStoreContractTests
{
    private ISkillStore LibraryWithThreeSkills()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1)), New(Skill(2)), New(Skill(3))] });
        return store;
    }

    private static LibraryCommit ContextCommit(ContextState state) => new() { Contexts = state, Episodes = [Episode(1)] };

    [StoreFact]
    public void Contexts_RoundTripBitExactly_WithTheirSettings_InNumberOrder()
    {
        ISkillStore store = LibraryWithThreeSkills();
        float[] awkward = [.. Key(5)];

        store.Commit(ContextCommit(new ContextState
        {
            Contexts = [new StoredContext(1, awkward, 8, 0.3f), new StoredContext(0, Centroid(0), 8, 0.3f)],
            Splits = [new StoredSplit(1, 1, 2, 7, "succeeded 0 of 10 uses in context 1 (0.0%), 9 of 10 elsewhere (90.0%)")],
        }));
        ContextState read = OpenStore().ReadChanges(0).Contexts;

        Assert.Equal([0, 1], read.Contexts.Select(c => c.Number));
        Assert.Equal(Centroid(0).Select(BitConverter.SingleToInt32Bits), read.Contexts[0].Centroid.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(awkward.Select(BitConverter.SingleToInt32Bits), read.Contexts[1].Centroid.Select(BitConverter.SingleToInt32Bits));
        Assert.All(read.Contexts, c => Assert.Equal((8, 0.3f), (c.MaxContexts, c.Similarity)));
        Assert.Equal([new StoredSplit(1, 1, 2, 7, "succeeded 0 of 10 uses in context 1 (0.0%), 9 of 10 elsewhere (90.0%)")], read.Splits);
        Assert.Empty(read.Counts);
    }

    [StoreFact]
    public void ContextCounts_AreIncrements_ThatTwoInstancesAddUp_AndReadBackAsTotals()
    {
        ISkillStore first = LibraryWithThreeSkills();
        ISkillStore second = OpenStore();

        first.Commit(ContextCommit(new ContextState { Counts = [new ContextCount(0, 0, 3, 2), new ContextCount(1, 2, 1, 0)] }));
        long before = second.ReadChanges(0).Change;
        second.Commit(ContextCommit(new ContextState { Counts = [new ContextCount(0, 0, 4, 4), new ContextCount(0, 1, 5, 0)] }));
        LibraryChanges all = OpenStore().ReadChanges(0), since = OpenStore().ReadChanges(before);

        Assert.Equal([new ContextCount(0, 0, 7, 6), new ContextCount(0, 1, 5, 0), new ContextCount(1, 2, 1, 0)], all.Contexts.Counts);
        Assert.Equal([new ContextCount(0, 0, 7, 6), new ContextCount(0, 1, 5, 0)], since.Contexts.Counts); // only what changed after
    }

    [StoreFact]
    public void AContextNumberOrSplitStoredFirst_Stands_AgainstALaterWriter()
    {
        ISkillStore store = LibraryWithThreeSkills();
        store.Commit(ContextCommit(new ContextState
        {
            Contexts = [new StoredContext(0, Centroid(0), 8, 0.5f)],
            Splits = [new StoredSplit(0, 0, null, 3, "first")],
        }));

        OpenStore().Commit(ContextCommit(new ContextState
        {
            Contexts = [new StoredContext(0, Centroid(1), 4, 0.9f), new StoredContext(1, Centroid(2), 4, 0.9f)],
            Splits = [new StoredSplit(0, 0, 1, 9, "second")],
        }));
        ContextState read = OpenStore().ReadChanges(0).Contexts;

        Assert.Equal(Centroid(0), read.Contexts[0].Centroid);
        Assert.Equal((8, 0.5f), (read.Contexts[0].MaxContexts, read.Contexts[0].Similarity));
        Assert.Equal(Centroid(2), read.Contexts[1].Centroid);
        Assert.Equal([new StoredSplit(0, 0, null, 3, "first")], read.Splits);
    }

    [StoreFact]
    public void CountsAndSplits_GoWithAPrunedSkill_AndLaterOnesForIt_AreDropped()
    {
        ISkillStore store = OpenLibrary();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 4, successes: 0)), New(Skill(2, uses: 4, successes: 4)), New(Skill(3, uses: 4, successes: 0))] });
        store.Commit(ContextCommit(new ContextState
        {
            Counts = [new ContextCount(0, 0, 4, 0), new ContextCount(1, 0, 4, 4)],
            Splits = [new StoredSplit(1, 0, 2, 1, "a variant that is pruned")],
        }));

        Assert.Equal([0, 2], store.Prune(new PruneRule { MinSuccessRate = 0.5 }));
        store.Commit(ContextCommit(new ContextState
        {
            Counts = [new ContextCount(0, 0, 1, 1), new ContextCount(1, 0, 1, 1)],
            Splits = [new StoredSplit(0, 1, null, 2, "of a pruned skill"), new StoredSplit(1, 1, 2, 2, "its variant pruned")],
        }));
        ContextState read = OpenStore().ReadChanges(0).Contexts;

        Assert.Equal([new ContextCount(1, 0, 5, 5)], read.Counts);
        Assert.Equal([new StoredSplit(1, 0, null, 1, "a variant that is pruned"), new StoredSplit(1, 1, null, 2, "its variant pruned")], read.Splits);
    }

    [StoreFact]
    public void InvalidContextChanges_AreRefused_WithNothingWritten()
    {
        ISkillStore store = LibraryWithThreeSkills();
        long change = store.ReadChanges(0).Change;
        ContextState[] invalid =
        [
            new() { Contexts = [new StoredContext(0, [1f, 0f], 8, 0.5f)] }, // a centroid of another dimension
            new() { Contexts = [new StoredContext(0, [.. Centroid(0).Select(_ => float.NaN)], 8, 0.5f)] },
            new() { Contexts = [new StoredContext(-1, Centroid(0), 8, 0.5f)] },
            new() { Contexts = [new StoredContext(0, Centroid(0), 0, 0.5f)] },
            new() { Contexts = [new StoredContext(0, Centroid(0), 8, 1.5f)] },
            new() { Counts = [new ContextCount(0, 0, -1, 0)] },
            new() { Counts = [new ContextCount(0, 0, 1, 2)] },
            new() { Counts = [new ContextCount(0, -1, 1, 1)] },
            new() { Splits = [new StoredSplit(0, 0, null, 1, " ")] },
        ];

        foreach (ContextState state in invalid)
            Assert.Throws<LibraryException>(() => store.Commit(ContextCommit(state)));

        LibraryChanges after = OpenStore().ReadChanges(0);
        Assert.Equal(change, after.Change);
        Assert.True(after.Contexts.IsEmpty);
    }

    [StoreFact]
    public void ACountPushedPastTheCounterRange_IsRefused_AndNothingIsWritten()
    {
        ISkillStore store = LibraryWithThreeSkills();
        store.Commit(ContextCommit(new ContextState { Counts = [new ContextCount(0, 0, int.MaxValue, 0)] }));

        Assert.Throws<LibraryException>(() => store.Commit(ContextCommit(new ContextState { Counts = [new ContextCount(1, 0, 1, 1), new ContextCount(0, 0, 1, 0)] })));

        Assert.Equal([new ContextCount(0, 0, int.MaxValue, 0)], OpenStore().ReadChanges(0).Contexts.Counts);
    }

    [StoreFact]
    public void Rekey_DropsThePerContextState_ClusteredInTheOldKeySpace()
    {
        ISkillStore store = LibraryWithThreeSkills();
        store.Commit(ContextCommit(new ContextState
        {
            Contexts = [new StoredContext(0, Centroid(0), 8, 0.5f)],
            Counts = [new ContextCount(0, 0, 1, 1)],
            Splits = [new StoredSplit(0, 0, null, 1, "split")],
        }));

        store.Commit(Rekey(0, 1, 2));

        Assert.True(OpenStore().ReadChanges(0).Contexts.IsEmpty);
    }
}
