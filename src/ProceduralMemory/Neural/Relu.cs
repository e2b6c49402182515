using System.Numerics;
using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

/// <summary>The rectified linear unit <c>y = max(x, 0)</c> and its gradient.</summary>
public static class Relu
{
    /// <summary>Writes <c>max(x, 0)</c> element-wise; <paramref name="y"/> may be <paramref name="x"/> itself.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);

    /// <summary>
    /// Writes <c>dx = y &gt; 0 ? dy : 0</c> from the forward output <paramref name="y"/> and the gradient
    /// <paramref name="dy"/> of the loss with respect to it; <paramref name="dx"/> may be <paramref name="dy"/> itself.
    /// </summary>
    /// <remarks>The output decides the slope as well as the input does, so a network need keep only outputs.</remarks>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int n = CheckLengths(y, dy, dx);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var positive = Vector.GreaterThan(new Vector<float>(y[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(positive, new Vector<float>(dy[i..]), Vector<float>.Zero).CopyTo(dx[i..]);
            }
        }
        for (; i < n; i++)
            dx[i] = y[i] > 0f ? dy[i] : 0f;
    }

    internal static int CheckLengths(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (dy.Length != y.Length || dx.Length != y.Length)
            throw new ArgumentException($"Spans differ in length (y {y.Length}, dy {dy.Length}, dx {dx.Length}).");
        return y.Length;
    }
}
