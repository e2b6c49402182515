using System.Numerics.Tensors;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class DotProductTests
{
    private static float[] Random(Rng rng, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
            values[i] = rng.NextInt(4) == 0 ? 0f : (float)(4 * rng.NextDouble() - 2);
        return values;
    }

    [Fact]
    public void Of_EqualsTensorPrimitivesDot_BitForBit_ForEveryLengthFrom0To256()
    {
        var rng = new Rng(1);
        for (int length = 0; length <= 256; length++)
        {
            for (int trial = 0; trial < 50; trial++)
            {
                float[] x = Random(rng, length), y = Random(rng, length);
                float expected = TensorPrimitives.Dot(x, y), actual = DotProduct.Of(x, y);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
                    $"length {length}: {actual} is not TensorPrimitives.Dot's {expected}");
            }
        }
    }

    [Fact]
    public void Of_MatchesTheScalarSum_ForEveryLengthFrom0To256()
    {
        var rng = new Rng(2);
        for (int length = 0; length <= 256; length++)
        {
            float[] x = Random(rng, length), y = Random(rng, length);
            double expected = 0, magnitude = 0;
            for (int i = 0; i < length; i++)
            {
                expected += (double)x[i] * y[i];
                magnitude += Math.Abs((double)x[i] * y[i]);
            }
            Assert.True(Math.Abs(DotProduct.Of(x, y) - expected) <= 1e-6 * magnitude + 1e-7, $"length {length}");
        }
    }
}
