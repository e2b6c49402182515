using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class KeyBlocksTests
{
    private static float[] Random(int length, ulong seed)
    {
        var rng = new Rng(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(2 * rng.NextDouble() - 1);
        return values;
    }

    /// <summary>Packs row-major keys into the block layout.</summary>
    private static float[] Pack(float[] rowMajor, int rows, int dimension)
    {
        var blocks = new float[KeyBlocks.Length(rows, dimension)];
        for (int r = 0; r < rows; r++)
            KeyBlocks.Write(blocks, r, rowMajor.AsSpan(r * dimension, dimension));
        return blocks;
    }

    /// <summary>The scalar reference: a plain sum in double precision.</summary>
    private static void AssertDotsMatchScalar(float[] rowMajor, int rows, int dimension, ReadOnlySpan<float> query, ReadOnlySpan<float> dots)
    {
        for (int r = 0; r < rows; r++)
        {
            double expected = 0, magnitude = 0;
            for (int d = 0; d < dimension; d++)
            {
                expected += (double)rowMajor[r * dimension + d] * query[d];
                magnitude += Math.Abs((double)rowMajor[r * dimension + d] * query[d]);
            }
            Assert.True(Math.Abs(dots[r] - expected) <= 1e-6 * magnitude + 1e-7,
                $"rows {rows}, dimension {dimension}, row {r}: {dots[r]} vs {expected}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(64)]
    public void Dot_MatchesTheScalarSum_ForEveryRowCountFrom0To256(int dimension)
    {
        float[] keys = Random(256 * dimension, 1), query = Random(dimension, 2);
        for (int rows = 0; rows <= 256; rows++)
        {
            var dots = new float[rows];
            KeyBlocks.Dot(Pack(keys, rows, dimension), query, dots);
            AssertDotsMatchScalar(keys, rows, dimension, query, dots);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void Dot_MatchesTheScalarSum_ForEveryDimensionFrom0To256(int rows)
    {
        for (int dimension = 0; dimension <= 256; dimension++)
        {
            float[] keys = Random(rows * dimension, (ulong)dimension), query = Random(dimension, 1000 + (ulong)dimension);
            var dots = new float[rows];
            KeyBlocks.Dot(Pack(keys, rows, dimension), query, dots);
            AssertDotsMatchScalar(keys, rows, dimension, query, dots);
        }
    }

    /// <summary>The documented order: dimension d into partial sum d mod 4 by fused multiply-adds, then (s0 + s1) + (s2 + s3).</summary>
    private static float FourChains(ReadOnlySpan<float> key, ReadOnlySpan<float> query)
    {
        var partial = new float[4];
        for (int d = 0; d < key.Length; d++)
            partial[d % 4] = MathF.FusedMultiplyAdd(key[d], query[d], partial[d % 4]);
        return (partial[0] + partial[1]) + (partial[2] + partial[3]);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(64)]
    public void Dot_SumsInTheDocumentedOrder_BitForBit_ForEveryRowCountFrom0To256(int dimension)
    {
        // Every instruction-set path promises these bits, so a key scores the same on any machine.
        float[] keys = Random(256 * dimension, 5), query = Random(dimension, 6);
        for (int rows = 0; rows <= 256; rows++)
        {
            var dots = new float[rows];
            KeyBlocks.Dot(Pack(keys, rows, dimension), query, dots);
            for (int r = 0; r < rows; r++)
                Assert.Equal(FourChains(keys.AsSpan(r * dimension, dimension), query), dots[r]);
        }
    }

    [Fact]
    public void Dot_SumsInTheDocumentedOrder_BitForBit_ForEveryDimensionFrom0To256()
    {
        const int Rows = 40;
        for (int dimension = 0; dimension <= 256; dimension++)
        {
            float[] keys = Random(Rows * dimension, 7), query = Random(dimension, 8);
            var dots = new float[Rows];
            KeyBlocks.Dot(Pack(keys, Rows, dimension), query, dots);
            for (int r = 0; r < Rows; r++)
                Assert.Equal(FourChains(keys.AsSpan(r * dimension, dimension), query), dots[r]);
        }
    }

    [Fact]
    public void BatchedDot_EqualsOneQueryAtATime_BitForBit_ForEveryDimensionFrom0To256()
    {
        const int Rows = 21;
        for (int dimension = 0; dimension <= 256; dimension++)
        {
            for (int count = 0; count <= 9; count += 3)
            {
                float[] blocks = Pack(Random(Rows * dimension, 7), Rows, dimension), queries = Random(count * dimension, 8);
                var batched = new float[count * Rows];
                KeyBlocks.Dot(blocks, queries, dimension, Rows, batched);
                for (int q = 0; q < count; q++)
                {
                    var single = new float[Rows];
                    KeyBlocks.Dot(blocks, queries.AsSpan(q * dimension, dimension), single);
                    Assert.Equal(single, batched.AsSpan(q * Rows, Rows).ToArray());
                }
            }
        }
    }

    [Fact]
    public void Write_ThenRead_GivesBackEveryRow()
    {
        const int Rows = 37, Dimension = 5;
        float[] keys = Random(Rows * Dimension, 3), blocks = Pack(keys, Rows, Dimension);
        var row = new float[Dimension];
        for (int r = 0; r < Rows; r++)
        {
            KeyBlocks.Read(blocks, r, row);
            Assert.Equal(keys.AsSpan(r * Dimension, Dimension).ToArray(), row);
        }
    }

    [Fact]
    public void Length_IsWholeBlocks() => Assert.Equal(32 * 3, KeyBlocks.Length(17, 3));

    [Fact]
    public void Dot_RejectsTooShortAMatrix() =>
        Assert.Throws<ArgumentException>(() => KeyBlocks.Dot(new float[10], new float[2], new float[3]));
}
