using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class SkillIndexTests
{
    private static float[] UnitVector(Rng rng, int dimension)
    {
        var v = new float[dimension];
        for (int i = 0; i < v.Length; i++)
            v[i] = (float)(2 * rng.NextDouble() - 1);
        VectorMath.NormalizeInPlace(v);
        return v;
    }

    /// <summary>A random library: keys, and preconditions over two of four facts (about a quarter hold anywhere).</summary>
    private static (SkillIndex Index, float[][] Keys, FactCondition[] Conditions) RandomIndex(int count, int dimension, ulong seed)
    {
        var rng = new Rng(seed);
        var index = new SkillIndex(dimension);
        var keys = new float[count][];
        var conditions = new FactCondition[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = UnitVector(rng, dimension);
            conditions[i] = rng.NextInt(4) == 0 ? FactCondition.Always : new FactCondition(0b11UL << rng.NextInt(3), (ulong)rng.NextInt(16));
            index.Add(i, keys[i], conditions[i]);
        }
        return (index, keys, conditions);
    }

    /// <summary>The straightforward way: score every applicable key, sort by similarity then id.</summary>
    private static int[] BruteForce(float[][] keys, FactCondition[] conditions, ReadOnlySpan<float> query, Facts facts, int k)
    {
        var ranked = new List<(float Score, int Id)>();
        for (int i = 0; i < keys.Length; i++)
            if (conditions[i].IsSatisfiedBy(facts))
                ranked.Add((VectorMath.CosineSimilarity(query, keys[i]), i));
        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return ranked.Take(k).Select(r => r.Id).ToArray();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(500, 8)]
    [InlineData(300, 64)]
    [InlineData(40, 7)]
    public void Search_FindsWhatScoringEverySkillFinds(int count, int dimension)
    {
        var (index, keys, conditions) = RandomIndex(count, dimension, 11);
        var rng = new Rng(12);
        foreach (int k in new[] { 1, 3, 10, count + 5 })
        {
            for (int trial = 0; trial < 20; trial++)
            {
                float[] query = UnitVector(rng, dimension);
                var facts = new Facts((ulong)rng.NextInt(16));
                var ids = new int[k];
                var scores = new float[k];
                int found = index.Search(query, facts, ids, scores);
                Assert.Equal(BruteForce(keys, conditions, query, facts, k), ids[..found]);
                for (int i = 0; i < found; i++)
                    Assert.Equal(VectorMath.CosineSimilarity(query, keys[ids[i]]), scores[i], 1e-6f);
            }
        }
    }

    [Fact]
    public void Search_BreaksTiesByAscendingId_WhateverTheOrderOfInsertion()
    {
        var index = new SkillIndex(2);
        foreach (int id in new[] { 40, 7, 19, 3, 25 })
            index.Add(id, [0.6f, 0.8f], FactCondition.Always);
        var ids = new int[3];
        Assert.Equal(3, index.Search([0.6f, 0.8f], default, ids, new float[3]));
        Assert.Equal([3, 7, 19], ids);
    }

    [Fact]
    public void Search_SkipsKeysWhosePreconditionsFail()
    {
        var index = new SkillIndex(2);
        index.Add(0, [1, 0], new FactCondition(Mask: 1, Values: 1));
        index.Add(1, [0.9f, 0.1f], new FactCondition(Mask: 1, Values: 0));
        var ids = new int[2];
        Assert.Equal(1, index.Search([1, 0], new Facts(0), ids, new float[2]));
        Assert.Equal(1, ids[0]);
    }

    [Fact]
    public void Search_WithNoRoomForResults_FindsNothing()
    {
        var (index, _, _) = RandomIndex(20, 4, 1);
        Assert.Equal(0, index.Search(new float[4], default, [], []));
    }

    [Fact]
    public void Search_OnAnEmptyIndex_FindsNothing() =>
        Assert.Equal(0, new SkillIndex(3).Search([1, 0, 0], default, new int[2], new float[2]));

    [Fact]
    public void Search_WithAZeroQuery_ScoresEveryKeyZero_AndRanksById()
    {
        var (index, _, _) = RandomIndex(20, 4, 1);
        var ids = new int[20];
        var scores = new float[20];
        int found = index.Search(new float[4], new Facts(0b1111), ids, scores);
        Assert.All(scores[..found], s => Assert.Equal(0f, s));
        Assert.Equal(ids[..found].Order().ToArray(), ids[..found]);
    }

    [Fact]
    public void Search_AllocatesNothing()
    {
        var (index, _, _) = RandomIndex(1000, 16, 2);
        float[] query = UnitVector(new Rng(3), 16);
        var ids = new int[8];
        var scores = new float[8];
        index.Search(query, default, ids, scores);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
            index.Search(query, default, ids, scores);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(11)]
    public void SearchBatch_GivesWhatEachQueryGivesAlone_BitForBit(int queries)
    {
        const int Dimension = 24, K = 5;
        var (index, _, _) = RandomIndex(333, Dimension, 4);
        var rng = new Rng(5);
        float[] batch = Enumerable.Range(0, queries).SelectMany(_ => UnitVector(rng, Dimension)).ToArray();
        Facts[] facts = Enumerable.Range(0, queries).Select(_ => new Facts((ulong)rng.NextInt(16))).ToArray();
        var ids = new int[queries * K];
        var scores = new float[queries * K];
        var counts = new int[queries];
        index.SearchBatch(batch, facts, ids, scores, counts);
        for (int q = 0; q < queries; q++)
        {
            var aloneIds = new int[K];
            var aloneScores = new float[K];
            int found = index.Search(batch.AsSpan(q * Dimension, Dimension), facts[q], aloneIds, aloneScores);
            Assert.Equal(found, counts[q]);
            Assert.Equal(aloneIds[..found], ids.AsSpan(q * K, found).ToArray());
            Assert.Equal(aloneScores[..found], scores.AsSpan(q * K, found).ToArray());
        }
    }

    [Fact]
    public void Remove_MovesAnotherKeyIntoTheHole_AndEveryOtherKeyIsStillFound()
    {
        var (index, keys, _) = RandomIndex(50, 6, 6);
        Assert.True(index.Remove(3));
        Assert.False(index.Remove(3));
        Assert.Equal(49, index.Count);
        var ids = new int[1];
        var copy = new float[6];
        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i != 3, index.Contains(i));
            if (i == 3)
                continue;
            index.CopyKey(i, copy);
            Assert.Equal(keys[i], copy);
        }
        var all = new int[60];
        int found = index.Search(keys[49], new Facts(0b1111), all, new float[60]);
        Assert.DoesNotContain(3, all[..found]);
    }

    [Fact]
    public void Search_AppliesPreconditionsThatArriveInABlockWithoutAny_AndForgetsThoseThatLeave()
    {
        // 32 keys without preconditions (two blocks the filter skips), then one gains a condition by Set, and
        // the last key, with a condition, moves into the first block when another key is removed.
        var index = new SkillIndex(2);
        for (int i = 0; i < 32; i++)
            index.Add(i, [1, i / 100f], FactCondition.Always);
        index.Add(32, [1, 0.5f], new FactCondition(Mask: 1, Values: 1));
        var ids = new int[40];
        var scores = new float[40];
        Assert.Equal(32, index.Search([1, 0], new Facts(0), ids, scores));
        index.Set(7, [1, 0.07f], new FactCondition(Mask: 2, Values: 2));
        Assert.Equal(31, index.Search([1, 0], new Facts(0), ids, scores));
        Assert.DoesNotContain(7, ids[..31]);
        Assert.True(index.Remove(3)); // key 32 fills row 3
        Assert.Equal(30, index.Search([1, 0], new Facts(0), ids, scores));
        Assert.DoesNotContain(32, ids[..30]);
        Assert.Equal(31, index.Search([1, 0], new Facts(1), ids, scores));
        index.Set(32, [1, 0.5f], FactCondition.Always);
        index.Set(7, [1, 0.07f], FactCondition.Always);
        Assert.Equal(32, index.Search([1, 0], new Facts(0), ids, scores));
    }

    [Fact]
    public void UpdateKey_ChangesWhatSearchFinds_AndKeepsThePreconditions()
    {
        var index = new SkillIndex(2);
        index.Add(0, [1, 0], new FactCondition(1, 1));
        index.Add(1, [0, 1], FactCondition.Always);
        index.UpdateKey(1, [1, 0.001f]);
        index.UpdateKey(0, [0, 1]);
        var ids = new int[2];
        Assert.Equal(2, index.Search([0, 1], new Facts(1), ids, new float[2]));
        Assert.Equal([0, 1], ids);
        Assert.Equal(1, index.Search([0, 1], new Facts(0), ids, new float[2]));
    }

    [Fact]
    public void Set_ReplacesAKeyAndItsPreconditions()
    {
        var index = new SkillIndex(2);
        index.Add(5, [1, 0], new FactCondition(1, 1));
        index.Set(5, [0, 1], FactCondition.Always);
        var ids = new int[1];
        var scores = new float[1];
        Assert.Equal(1, index.Search([0, 1], new Facts(0), ids, scores));
        Assert.Equal(1f, scores[0], 5);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Add_RejectsADuplicateIdAndAKeyOfTheWrongLength()
    {
        var index = new SkillIndex(2);
        index.Add(1, [1, 0], FactCondition.Always);
        Assert.Throws<ArgumentException>(() => index.Add(1, [0, 1], FactCondition.Always));
        Assert.Throws<ArgumentException>(() => index.Add(2, [0, 1, 0], FactCondition.Always));
        Assert.Throws<KeyNotFoundException>(() => index.UpdateKey(9, [0, 1]));
    }

    [Fact]
    public void Index_GrowsPastManyBlocks_AndClearForgetsEverything()
    {
        var (index, _, _) = RandomIndex(1000, 3, 7);
        Assert.Equal(1000, index.Count);
        Assert.Equal(1008L * 3 * sizeof(float), index.KeyBytes);
        index.Clear();
        Assert.Equal(0, index.Count);
        Assert.False(index.Contains(0));
        Assert.Equal(0, index.Search([1, 0, 0], default, new int[3], new float[3]));
    }
}
