using System.Numerics.Tensors;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class ScaledAddTests
{
    [Fact]
    public void Into_EqualsMultiplyThenAdd_AndTensorPrimitivesMultiplyAdd_BitForBit_ForEveryLengthFrom0To256()
    {
        var rng = new Rng(3);
        for (int length = 0; length <= 256; length++)
        {
            var x = new float[length];
            var y = new float[length];
            for (int i = 0; i < length; i++)
                (x[i], y[i]) = ((float)(2 * rng.NextDouble() - 1), (float)(2 * rng.NextDouble() - 1));
            float a = (float)rng.NextDouble();
            var scalar = new float[length];
            for (int i = 0; i < length; i++)
                scalar[i] = x[i] * a + y[i];
            var library = new float[length];
            TensorPrimitives.MultiplyAdd(x, a, y, library);

            ScaledAdd.Into(x, a, y);

            Assert.Equal(scalar, y);
            Assert.Equal(library, y);
        }
    }

    [Fact]
    public void Into_RejectsDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => ScaledAdd.Into(new float[3], 1f, new float[4]));
}
