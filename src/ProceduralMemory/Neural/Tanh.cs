using System.Numerics;
using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

/// <summary>The hyperbolic tangent <c>y = tanh(x)</c> and its gradient.</summary>
public static class Tanh
{
    /// <summary>Writes <c>tanh(x)</c> element-wise; <paramref name="y"/> may be <paramref name="x"/> itself.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Tanh(x, y);

    /// <summary>
    /// Writes <c>dx = dy · (1 − y²)</c> from the forward output <paramref name="y"/>;
    /// <paramref name="dx"/> may be <paramref name="dy"/> itself.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int n = Relu.CheckLengths(y, dy, dx);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var yv = new Vector<float>(y[i..]);
                (new Vector<float>(dy[i..]) * (Vector<float>.One - yv * yv)).CopyTo(dx[i..]);
            }
        }
        for (; i < n; i++)
            dx[i] = dy[i] * (1f - y[i] * y[i]);
    }
}
