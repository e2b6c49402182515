using System.Numerics.Tensors;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class AdamUpdateTests
{
    /// <summary>The nine whole-vector passes Adam.Step made before its update was fused into one.</summary>
    private static void Reference(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v,
        float beta1, float beta2, float inverseRootCorrection2, float epsilon, float decay, float step)
    {
        var s = new float[p.Length];
        TensorPrimitives.Multiply(m, beta1, m);
        TensorPrimitives.MultiplyAdd(g, 1f - beta1, m, m);
        TensorPrimitives.Multiply(v, beta2, v);
        TensorPrimitives.Multiply(g, g, s);
        TensorPrimitives.MultiplyAdd(s, 1f - beta2, v, v);
        TensorPrimitives.Sqrt(v, s);
        TensorPrimitives.Multiply(s, inverseRootCorrection2, s);
        TensorPrimitives.Add(s, epsilon, s);
        TensorPrimitives.Divide(m, s, s);
        if (decay != 1f)
            TensorPrimitives.Multiply(p, decay, p);
        TensorPrimitives.MultiplyAdd(s, step, p, p);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0.999f)]
    public void Update_EqualsTheWholeVectorPasses_BitForBit_ForEveryLengthFrom0To256(float decay)
    {
        var rng = new Rng(9);
        float[] Random(int n, double scale) => Enumerable.Range(0, n).Select(_ => (float)((2 * rng.NextDouble() - 1) * scale)).ToArray();
        for (int length = 0; length <= 256; length++)
        {
            float[] p = Random(length, 1), g = Random(length, 0.1), m = Random(length, 0.01), v = Random(length, 0.001).Select(Math.Abs).ToArray();
            float[] p2 = (float[])p.Clone(), m2 = (float[])m.Clone(), v2 = (float[])v.Clone();

            Adam.Update(p, g, m, v, 0.9f, 0.999f, 1.7f, 1e-8f, decay, -0.003f);
            Reference(p2, g, m2, v2, 0.9f, 0.999f, 1.7f, 1e-8f, decay, -0.003f);

            Assert.Equal(p2, p);
            Assert.Equal(m2, m);
            Assert.Equal(v2, v);
        }
    }
}
