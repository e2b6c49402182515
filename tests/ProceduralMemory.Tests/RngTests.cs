namespace ProceduralMemory.Tests;

public class RngTests
{
    [Fact]
    public void SameSeed_SameSequence_DifferentSeed_DifferentSequence()
    {
        ulong[] Draw(ulong seed)
        {
            var rng = new Rng(seed);
            return Enumerable.Range(0, 8).Select(_ => rng.NextUInt64()).ToArray();
        }
        Assert.Equal(Draw(1), Draw(1));
        Assert.NotEqual(Draw(1), Draw(2));
    }

    [Fact]
    public void FirstValues_ArePinned()
    {
        // A change here silently changes every seeded layout and run: it must be deliberate.
        var rng = new Rng(0);
        Assert.Equal(0x99EC5F36CB75F2B4UL, rng.NextUInt64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void NextInt_StaysInRange_AndHitsEveryValueOfSmallRanges(int bound)
    {
        var rng = new Rng(5);
        var seen = new HashSet<int>();
        for (int i = 0; i < 20_000; i++)
        {
            int value = rng.NextInt(bound);
            Assert.InRange(value, 0, bound - 1);
            seen.Add(value);
        }
        if (bound <= 7)
            Assert.Equal(bound, seen.Count);
    }

    [Fact]
    public void NextInt_IsRoughlyUniform()
    {
        var rng = new Rng(11);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
            counts[rng.NextInt(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextDouble_IsInUnitInterval()
    {
        var rng = new Rng(3);
        for (int i = 0; i < 10_000; i++)
            Assert.InRange(rng.NextDouble(), 0.0, 0.9999999999);
    }
}
