using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class VectorMathTests
{
    [Fact]
    public void CosineSimilarity_MatchesTheSeedsFormula()
    {
        float[] a = [1, 2, 3], b = [4, -5, 6];
        double expected = (4 - 10 + 18) / (Math.Sqrt(14) * Math.Sqrt(77) + 1e-8);
        Assert.Equal(expected, VectorMath.CosineSimilarity(a, b), 6);
    }

    [Fact]
    public void CosineSimilarity_OfAZeroVector_IsZero() => Assert.Equal(0f, VectorMath.CosineSimilarity([0, 0], [1, 0]));

    [Fact]
    public void CosineSimilarity_RejectsDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => VectorMath.CosineSimilarity([1, 0], [1, 0, 0]));

    [Fact]
    public void NormalizeInPlace_GivesUnitLength_AndLeavesZeroAlone()
    {
        float[] v = [3, 4];
        VectorMath.NormalizeInPlace(v);
        Assert.Equal([0.6f, 0.8f], v);
        float[] zero = [0, 0];
        VectorMath.NormalizeInPlace(zero);
        Assert.Equal([0f, 0f], zero);
    }
}
