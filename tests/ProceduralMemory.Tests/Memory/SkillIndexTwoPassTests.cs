using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

/// <summary>
/// The two-pass search (quantised first pass, exact second pass) against the one-pass search it must equal bit for
/// bit, on every first-pass path this machine runs: the same ids, the same score bits, the same order.
/// </summary>
public class SkillIndexTwoPassTests
{
    public static TheoryData<int> Paths() => QuantisedKeyBlocksTests.Paths();

    private enum Kind { Unit, Scaled, Coarse, Clustered }

    /// <summary>Keys of one kind: unit vectors; norms from 1e-3 to 1e3; entries in {-2..2} (many exact ties); near-duplicates of four vectors.</summary>
    private static float[] Vector(Rng rng, int dimension, Kind kind, float[][] centres)
    {
        var v = new float[dimension];
        switch (kind)
        {
            case Kind.Coarse:
                for (int i = 0; i < v.Length; i++)
                    v[i] = rng.NextInt(5) - 2;
                return v;
            case Kind.Clustered:
                float[] centre = centres[rng.NextInt(centres.Length)];
                for (int i = 0; i < v.Length; i++)
                    v[i] = centre[i] + (float)(rng.NextDouble() - 0.5) * 1e-5f;
                return v;
            default:
                for (int i = 0; i < v.Length; i++)
                    v[i] = (float)(2 * rng.NextDouble() - 1);
                VectorMath.NormalizeInPlace(v);
                if (kind == Kind.Scaled)
                {
                    float scale = MathF.Pow(10, (float)(6 * rng.NextDouble() - 3));
                    for (int i = 0; i < v.Length; i++)
                        v[i] *= scale;
                }
                return v;
        }
    }

    private static FactCondition RandomCondition(Rng rng) =>
        rng.NextInt(3) == 0 ? FactCondition.Always : new FactCondition(0b11UL << rng.NextInt(3), (ulong)rng.NextInt(16));

    /// <summary>The same keys in a one-pass index and in a two-pass one on <paramref name="path"/>.</summary>
    private static (SkillIndex OnePass, SkillIndex TwoPass) Pair(int dimension, int path)
    {
        var onePass = new SkillIndex(dimension) { FirstPass = null };
        var twoPass = new SkillIndex(dimension) { FirstPass = (ByteDotPath)path };
        return (onePass, twoPass);
    }

    private static void Add(SkillIndex a, SkillIndex b, int id, float[] key, FactCondition condition)
    {
        a.Add(id, key, condition);
        b.Add(id, key, condition);
    }

    private static void AssertSameSearch(SkillIndex onePass, SkillIndex twoPass, float[] query, Facts facts, int k, string context)
    {
        int[] expectedIds = new int[k], actualIds = new int[k];
        float[] expectedScores = new float[k], actualScores = new float[k];
        int expected = onePass.Search(query, facts, expectedIds, expectedScores);
        int actual = twoPass.Search(query, facts, actualIds, actualScores);
        Assert.True(expected == actual, $"{context}: found {actual}, expected {expected}");
        for (int i = 0; i < expected; i++)
            Assert.True(expectedIds[i] == actualIds[i] && BitConverter.SingleToInt32Bits(expectedScores[i]) == BitConverter.SingleToInt32Bits(actualScores[i]),
                $"{context}, rank {i}: id {actualIds[i]} score {actualScores[i]:R}, expected id {expectedIds[i]} score {expectedScores[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Search_EqualsTheOnePassSearch_BitForBit_OverManyRandomLibraries(int path)
    {
        int[] dimensions = [1, 2, 3, 4, 5, 8, 16, 17, 31, 64, 100];
        for (int seed = 0; seed < 44; seed++)
        {
            var rng = new Rng((ulong)seed);
            int dimension = dimensions[seed % dimensions.Length], count = rng.NextInt(seed % 4 == 0 ? 40 : 700);
            var kind = (Kind)(seed / dimensions.Length % 4);
            float[][] centres = Enumerable.Range(0, 4).Select(_ => Vector(rng, dimension, Kind.Unit, [])).ToArray();
            var (onePass, twoPass) = Pair(dimension, path);
            for (int i = 0; i < count; i++)
                Add(onePass, twoPass, 3 * i + rng.NextInt(3), Vector(rng, dimension, kind, centres), RandomCondition(rng));
            foreach (int k in new[] { 1, 2, 5, 8, count, count + 3, SkillIndex.MaxQuantisedTopK + 1 })
            {
                for (int trial = 0; trial < 4; trial++)
                {
                    float[] query = Vector(rng, dimension, trial == 3 ? Kind.Scaled : kind, centres);
                    AssertSameSearch(onePass, twoPass, query, new Facts((ulong)rng.NextInt(16)), Math.Max(k, 1),
                        $"seed {seed}, {count} {kind} keys of {dimension}, k {k}, trial {trial}");
                }
            }
        }
    }

    /// <summary>
    /// Whole codes times a scale that is not a power of two: keys and queries the quantisation almost recovers, so
    /// that the interval is as narrow as the float rounding it must also cover.
    /// </summary>
    private static float[] NearlyQuantised(Rng rng, int dimension)
    {
        float scale = (float)(0.05 + rng.NextDouble());
        var v = new float[dimension];
        for (int i = 0; i < v.Length; i++)
            v[i] = scale * (i == 0 ? 127 : rng.NextInt(2) == 0 ? 100 + rng.NextInt(28) : -(100 + rng.NextInt(28)));
        return v;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(257)]
    [InlineData(4096)]
    public void Interval_ContainsTheOnePassSimilarity(int dimension)
    {
        var rng = new Rng((ulong)dimension);
        var index = new SkillIndex(dimension) { FirstPass = null };
        var keys = new List<float[]>();
        for (int i = 0; i < 48; i++)
        {
            float[] key = (i % 4) switch
            {
                0 => Vector(rng, dimension, Kind.Unit, []),
                1 => NearlyQuantised(rng, dimension),
                2 => Vector(rng, dimension, Kind.Scaled, []),
                _ => Vector(rng, dimension, Kind.Unit, []).Select(x => x * (i % 8 == 3 ? 7e8f : 2e-9f)).ToArray(),
            };
            keys.Add(key);
            index.Add(i, key, FactCondition.Always);
        }
        var queries = keys.Take(8).Concat(Enumerable.Range(0, 8).Select(j => j % 2 == 0 ? NearlyQuantised(rng, dimension) : Vector(rng, dimension, Kind.Scaled, [])));
        foreach (float[] query in queries)
        {
            var ids = new int[keys.Count];
            var scores = new float[keys.Count];
            Assert.Equal(keys.Count, index.Search(query, default, ids, scores));
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.True(index.Interval(query, ids[i], out float lower, out float upper));
                Assert.True(lower <= scores[i] && scores[i] <= upper, $"key {ids[i]}: {scores[i]:R} outside [{lower:R}, {upper:R}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Search_OfManyEqualOrNearlyEqualKeys_EqualsTheOnePassSearch(int path)
    {
        // Every interval overlaps every other, so the first pass keeps far more keys than its buffer holds and
        // scores them early; ties go by ascending id.
        const int Dimension = 24;
        var rng = new Rng(3);
        float[] key = Vector(rng, Dimension, Kind.Unit, []);
        var (onePass, twoPass) = Pair(Dimension, path);
        for (int i = 0; i < 3000; i++)
        {
            float[] nearly = (float[])key.Clone();
            if (i % 2 == 1)
                nearly[i % Dimension] += (float)(rng.NextDouble() - 0.5) * 1e-6f;
            Add(onePass, twoPass, 5000 - i, nearly, FactCondition.Always);
        }
        foreach (int k in new[] { 1, 5, 64 })
        {
            AssertSameSearch(onePass, twoPass, key, default, k, $"k {k}, the key itself");
            AssertSameSearch(onePass, twoPass, Vector(rng, Dimension, Kind.Unit, []), default, k, $"k {k}, a random query");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Search_WithAwkwardKeysAndQueries_EqualsTheOnePassSearch(int path)
    {
        // Keys and queries outside the bounded range: not finite, too large or too small for a float norm,
        // subnormal, zero, negative zero. A key without an interval is always scored exactly; a query without
        // one takes the one-pass search.
        const int Dimension = 6;
        float[][] awkward =
        [
            [float.NaN, 0, 0, 0, 0, 1],
            [float.PositiveInfinity, 1, 0, 0, 0, 0],
            [1, float.NegativeInfinity, 1, 0, 0, 0],
            [1e25f, 1e25f, 0, 0, 0, 0],
            [1e-25f, -1e-25f, 0, 0, 0, 1e-25f],
            [1e-40f, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [-0f, -0f, -0f, -0f, -0f, -0f],
            [3e9f, 1, 0, 0, 0, 0],
            [2e-10f, 0, 0, 0, 0, 0],
            [1e-30f, 1, 0, 0, 0, 0],
        ];
        var rng = new Rng(9);
        var (onePass, twoPass) = Pair(Dimension, path);
        for (int i = 0; i < 200; i++)
            Add(onePass, twoPass, i, i % 3 == 0 ? awkward[i / 3 % awkward.Length] : Vector(rng, Dimension, Kind.Unit, []), FactCondition.Always);
        float[][] queries = [.. awkward, Vector(rng, Dimension, Kind.Unit, []), Vector(rng, Dimension, Kind.Scaled, [])];
        foreach (float[] query in queries)
            foreach (int k in new[] { 1, 4, 30, 250 })
                AssertSameSearch(onePass, twoPass, query, default, k, $"query [{string.Join(", ", query)}], k {k}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Search_AfterKeysAreUpdatedReplacedAndRemoved_EqualsTheOnePassSearch(int path)
    {
        const int Dimension = 20;
        var rng = new Rng(17);
        var (onePass, twoPass) = Pair(Dimension, path);
        var held = new List<int>();
        for (int step = 0; step < 1500; step++)
        {
            int action = held.Count < 50 ? 0 : rng.NextInt(4);
            float[] key = Vector(rng, Dimension, Kind.Unit, []);
            switch (action)
            {
                case 0:
                    int id = step;
                    Add(onePass, twoPass, id, key, RandomCondition(rng));
                    held.Add(id);
                    break;
                case 1:
                    int updated = held[rng.NextInt(held.Count)];
                    onePass.UpdateKey(updated, key);
                    twoPass.UpdateKey(updated, key);
                    break;
                case 2:
                    var condition = RandomCondition(rng);
                    int replaced = held[rng.NextInt(held.Count)];
                    onePass.Set(replaced, key, condition);
                    twoPass.Set(replaced, key, condition);
                    break;
                default:
                    int removed = held[rng.NextInt(held.Count)];
                    held.Remove(removed);
                    Assert.True(onePass.Remove(removed));
                    Assert.True(twoPass.Remove(removed));
                    break;
            }
            if (step % 25 == 0)
                AssertSameSearch(onePass, twoPass, Vector(rng, Dimension, Kind.Unit, []), new Facts((ulong)rng.NextInt(16)), 1 + step % 9, $"step {step}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void SearchBatch_EqualsTheOnePassBatch_AndEachQueryAlone(int path)
    {
        const int Dimension = 33, K = 6;
        var rng = new Rng(21);
        var (onePass, twoPass) = Pair(Dimension, path);
        for (int i = 0; i < 900; i++)
            Add(onePass, twoPass, i, Vector(rng, Dimension, Kind.Unit, []), RandomCondition(rng));
        for (int queries = 0; queries <= 9; queries++)
        {
            float[] batch = Enumerable.Range(0, queries).SelectMany(_ => Vector(rng, Dimension, Kind.Unit, [])).ToArray();
            if (queries == 6)
                Array.Clear(batch, 2 * Dimension, Dimension); // a query without an interval sends its four to one pass
            // Neighbours often share facts, as one agent's queries do.
            Facts[] facts = Enumerable.Range(0, queries).Select(q => new Facts((ulong)(q / 2 % 3 == 0 ? 5 : rng.NextInt(16)))).ToArray();
            var (expectedIds, expectedScores, expectedCounts) = (new int[queries * K], new float[queries * K], new int[queries]);
            var (actualIds, actualScores, actualCounts) = (new int[queries * K], new float[queries * K], new int[queries]);
            onePass.SearchBatch(batch, facts, expectedIds, expectedScores, expectedCounts);
            twoPass.SearchBatch(batch, facts, actualIds, actualScores, actualCounts);
            Assert.Equal(expectedCounts, actualCounts);
            for (int q = 0; q < queries; q++)
            {
                Assert.Equal(expectedIds.AsSpan(q * K, expectedCounts[q]).ToArray(), actualIds.AsSpan(q * K, actualCounts[q]).ToArray());
                Assert.Equal(expectedScores.AsSpan(q * K, expectedCounts[q]).ToArray().Select(BitConverter.SingleToInt32Bits),
                    actualScores.AsSpan(q * K, actualCounts[q]).ToArray().Select(BitConverter.SingleToInt32Bits));
                AssertSameSearch(onePass, twoPass, batch[(q * Dimension)..((q + 1) * Dimension)], facts[q], K, $"batch of {queries}, query {q}");
            }
        }
    }

    [Fact]
    public void Search_FromManyThreadsAtOnce_GivesWhatItGivesOnOne()
    {
        const int Dimension = 64, K = 8, Queries = 64;
        var rng = new Rng(31);
        var index = new SkillIndex(Dimension);
        for (int i = 0; i < 3000; i++)
            index.Add(i, Vector(rng, Dimension, Kind.Unit, []), RandomCondition(rng));
        float[][] queries = Enumerable.Range(0, Queries).Select(_ => Vector(rng, Dimension, Kind.Unit, [])).ToArray();
        int[][] alone = queries.Select(q =>
        {
            var ids = new int[K];
            return ids[..index.Search(q, new Facts(5), ids, new float[K])];
        }).ToArray();
        var together = new int[Queries][];
        Parallel.For(0, 8 * Queries, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var ids = new int[K];
            together[i % Queries] = ids[..index.Search(queries[i % Queries], new Facts(5), ids, new float[K])];
        });
        Assert.Equal(alone, together);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void TwoPassSearch_AllocatesNothing(int path)
    {
        const int Dimension = 64, K = 8;
        var rng = new Rng(2);
        var index = new SkillIndex(Dimension) { FirstPass = (ByteDotPath)path };
        for (int i = 0; i < 1000; i++)
            index.Add(i, Vector(rng, Dimension, Kind.Unit, []), FactCondition.Always);
        float[] queries = Enumerable.Range(0, 4).SelectMany(_ => Vector(rng, Dimension, Kind.Unit, [])).ToArray();
        var facts = new Facts[4];
        var (ids, scores, counts) = (new int[4 * K], new float[4 * K], new int[4]);
        void Both()
        {
            index.Search(queries.AsSpan(0, Dimension), default, ids.AsSpan(0, K), scores.AsSpan(0, K));
            index.SearchBatch(queries, facts, ids, scores, counts);
        }
        Both();
        // The runtime's own tier-up work can land on this thread once (seen once in many runs); a search that
        // allocated would allocate on every attempt.
        long allocated = -1;
        for (int attempt = 0; attempt < 5 && allocated != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
                Both();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void FirstPass_OfUnitKeys_SendsFewBlocksToTheSecond()
    {
        // What the two passes are for: of 250 blocks, the top 8 of random unit keys need only a handful scored exactly.
        const int Dimension = 64, K = 8, Queries = 50;
        var rng = new Rng(8);
        var index = new SkillIndex(Dimension) { FirstPass = ByteDotPath.Scalar };
        for (int i = 0; i < 4000; i++)
            index.Add(i, Vector(rng, Dimension, Kind.Unit, []), FactCondition.Always);
        int rescored = 0;
        for (int q = 0; q < Queries; q++)
            index.SearchAndCount(Vector(rng, Dimension, Kind.Unit, []), default, new int[K], new float[K], ref rescored);
        Assert.InRange(rescored / (double)Queries, K, 25);
    }

    /// <summary>An index of <paramref name="count"/> zero keys.</summary>
    private static SkillIndex Zeros(int dimension, int count)
    {
        var index = new SkillIndex(dimension);
        for (int i = 0; i < count; i++)
            index.Add(i, new float[dimension], FactCondition.Always);
        return index;
    }

    [Fact]
    public void FirstPass_ByDefault_IsTheFastestPath_ForKeysOf16To4096Numbers_FromAQuarterMegabyteOfFloats()
    {
        ByteDotPath? expected = Vector512.IsHardwareAccelerated && Avx2.IsSupported ? QuantisedKeyBlocks.Best : null;
        int enough = (int)(SkillIndex.MinQuantisedKeyBytes / sizeof(float) / SkillIndex.MinQuantisedDimension);
        var index = Zeros(SkillIndex.MinQuantisedDimension, enough - KeyBlocks.BlockRows);
        Assert.Null(index.FirstPass);
        index.Add(-1, new float[SkillIndex.MinQuantisedDimension], FactCondition.Always);
        Assert.Equal(expected, index.FirstPass);
        Assert.Equal(expected, Zeros(QuantisedKeyBlocks.MaxDimension, 16).FirstPass);
        Assert.Null(Zeros(SkillIndex.MinQuantisedDimension - 1, 2 * enough).FirstPass);
        var tooLong = Zeros(QuantisedKeyBlocks.MaxDimension + 1, 16);
        Assert.Null(tooLong.FirstPass);
        Assert.Throws<NotSupportedException>(() => tooLong.FirstPass = ByteDotPath.Scalar);
        var chosen = new SkillIndex(SkillIndex.MinQuantisedDimension) { FirstPass = ByteDotPath.Scalar };
        Assert.Equal(ByteDotPath.Scalar, chosen.FirstPass);
    }

    [Fact]
    public void ScanBytes_CountsWhatEachPassOverTheKeysReads()
    {
        var index = new SkillIndex(5) { FirstPass = ByteDotPath.Scalar };
        for (int i = 0; i < 17; i++)
            index.Add(i, [1, 2, 3, 4, 5], i == 16 ? new FactCondition(1, 1) : FactCondition.Always);
        // 32 rows (two blocks): 8 bytes of codes each, offset, scale, error and norm; two precondition masks in
        // the second block only (the first has no preconditions, so the filter skips it).
        Assert.Equal(32 * 8 + 32 * 16 + 16 * 16, index.ScanBytes);
        index.FirstPass = null;
        Assert.Equal(32 * 5 * 4 + 32 * 4 + 16 * 16, index.ScanBytes);
    }
}
