using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class QuantisedKeyBlocksTests
{
    /// <summary>Every path this machine runs, as numbers (the enum is internal; xunit's theories are public).</summary>
    public static TheoryData<int> Paths()
    {
        var paths = new TheoryData<int>();
        foreach (ByteDotPath path in Enum.GetValues<ByteDotPath>())
            if (QuantisedKeyBlocks.IsSupported(path))
                paths.Add((int)path);
        return paths;
    }

    private static float[] Random(int length, ulong seed, float scale = 1)
    {
        var rng = new Rng(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = scale * (float)(2 * rng.NextDouble() - 1);
        return values;
    }

    /// <summary>Random codes over the whole range, the extremes included (they would saturate a careless 16-bit sum).</summary>
    private static sbyte[] RandomCodes(int length, ulong seed)
    {
        var rng = new Rng(seed);
        var codes = new sbyte[length];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = (sbyte)(rng.NextInt(4) == 0 ? (rng.NextInt(2) == 0 ? -127 : 127) : rng.NextInt(255) - 127);
        return codes;
    }

    [Fact]
    public void Quantise_KeepsCodesInRange_AndItsErrorBoundsTheResidual()
    {
        for (int length = 0; length <= 70; length++)
        {
            foreach (float scale in new[] { 1f, 1e-9f, 3e7f })
            {
                float[] vector = Random(length, (ulong)length, scale);
                var codes = new sbyte[QuantisedKeyBlocks.PaddedDimension(length)];
                float step = QuantisedKeyBlocks.Quantise(vector, codes, out float error);
                double squares = 0;
                for (int i = 0; i < codes.Length; i++)
                {
                    Assert.InRange((int)codes[i], -QuantisedKeyBlocks.Levels, QuantisedKeyBlocks.Levels);
                    double residual = (i < length ? vector[i] : 0) - (double)step * codes[i];
                    Assert.True(Math.Abs(residual) <= step * (0.5 + 1e-4), $"length {length}, element {i}: residual {residual}, step {step}");
                    squares += residual * residual;
                }
                Assert.True(Math.Sqrt(squares) <= error, $"length {length}: residual norm {Math.Sqrt(squares)} above the bound {error}");
                Assert.Equal(length == 0 ? 0f : vector.Max(Math.Abs) / QuantisedKeyBlocks.Levels, step);
            }
        }
    }

    [Fact]
    public void Quantise_OfZeros_IsZeroWithNoError()
    {
        var codes = new sbyte[8];
        codes.AsSpan().Fill(5);
        Assert.Equal(0f, QuantisedKeyBlocks.Quantise(new float[6], codes, out float error));
        Assert.Equal(0f, error);
        Assert.All(codes, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Write_ThenRead_GivesBackEveryRow_AndMoveCopiesOneOverAnother()
    {
        const int Rows = 37, Padded = 12;
        var blocks = new sbyte[QuantisedKeyBlocks.Length(Rows, Padded)];
        var rows = Enumerable.Range(0, Rows).Select(r => RandomCodes(Padded, (ulong)r)).ToArray();
        for (int r = 0; r < Rows; r++)
            QuantisedKeyBlocks.Write(blocks, r, rows[r], scale: r, error: 2 * r, norm: 3 * r);
        var back = new sbyte[Padded];
        for (int r = 0; r < Rows; r++)
        {
            QuantisedKeyBlocks.Read(blocks, r, back);
            Assert.Equal(rows[r], back);
            Assert.Equal(2f * r, QuantisedKeyBlocks.Error(blocks, r, Padded));
        }
        QuantisedKeyBlocks.Move(blocks, 36, 5, Padded);
        QuantisedKeyBlocks.Read(blocks, 5, back);
        Assert.Equal(rows[36], back);
        Assert.Equal(72f, QuantisedKeyBlocks.Error(blocks, 5, Padded));
        QuantisedKeyBlocks.Read(blocks, 4, back);
        Assert.Equal(rows[4], back);
    }

    /// <summary>16 keys' codes as one block.</summary>
    private static sbyte[] Pack(sbyte[][] keys)
    {
        var blocks = new sbyte[QuantisedKeyBlocks.Length(16, keys[0].Length)];
        for (int r = 0; r < 16; r++)
            QuantisedKeyBlocks.Write(blocks, r, keys[r], 1, 0, 1);
        return blocks;
    }

    /// <summary>The block of <paramref name="keys"/> times <paramref name="query"/> on <paramref name="path"/>, the query put in that path's form first.</summary>
    private static int[] Dot(sbyte[][] keys, sbyte[] query, ByteDotPath path)
    {
        sbyte[] blocks = Pack(keys);
        var formed = (sbyte[])query.Clone();
        QuantisedKeyBlocks.ToQueryForm(formed, path);
        var dots = new int[16];
        QuantisedKeyBlocks.Dot(ref MemoryMarshal.GetArrayDataReference(blocks), ref MemoryMarshal.GetArrayDataReference(formed), query.Length, path)
            .CopyTo(dots);
        return dots;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Dot_GivesTheExactIntegerSums_ForEveryDimensionFrom0To256(int path)
    {
        for (int dimension = 0; dimension <= 256; dimension++)
        {
            int padded = QuantisedKeyBlocks.PaddedDimension(dimension);
            var keys = Enumerable.Range(0, 16).Select(r => RandomCodes(padded, (ulong)(dimension * 16 + r))).ToArray();
            sbyte[] query = RandomCodes(padded, 7_000 + (ulong)dimension);
            int[] dots = Dot(keys, query, (ByteDotPath)path);
            for (int r = 0; r < 16; r++)
                Assert.Equal(keys[r].Zip(query, (k, q) => k * q).Sum(), dots[r]);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Dot_OfTheExtremeCodes_DoesNotSaturate(int path)
    {
        // 127·127 in every product and -127·127 in its neighbour's: the largest sums either way.
        const int Padded = 256;
        var key = Enumerable.Repeat((sbyte)-127, Padded).ToArray();
        var keys = Enumerable.Range(0, 16).Select(r => r % 2 == 0 ? key : key.Select(c => (sbyte)-c).ToArray()).ToArray();
        int[] dots = Dot(keys, Enumerable.Repeat((sbyte)-127, Padded).ToArray(), (ByteDotPath)path);
        for (int r = 0; r < 16; r++)
            Assert.Equal((r % 2 == 0 ? 1 : -1) * 127 * 127 * Padded, dots[r]);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Dot4_EqualsFourSingleQueries(int path)
    {
        foreach (int dimension in new[] { 1, 4, 5, 64, 130 })
        {
            int padded = QuantisedKeyBlocks.PaddedDimension(dimension);
            var keys = Enumerable.Range(0, 16).Select(r => RandomCodes(padded, (ulong)r)).ToArray();
            sbyte[] blocks = Pack(keys);
            sbyte[] queries = RandomCodes(4 * padded, 99);
            var formed = (sbyte[])queries.Clone();
            for (int j = 0; j < 4; j++)
                QuantisedKeyBlocks.ToQueryForm(formed.AsSpan(j * padded, padded), (ByteDotPath)path);
            var four = new Vector512<int>[4];
            QuantisedKeyBlocks.Dot4(ref blocks[0], ref formed[0], padded, (ByteDotPath)path, four);
            for (int j = 0; j < 4; j++)
                Assert.Equal(Vector512.Create<int>(Dot(keys, queries[(j * padded)..((j + 1) * padded)], ByteDotPath.Scalar)), four[j]);
        }
    }
}
