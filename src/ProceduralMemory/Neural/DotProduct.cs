using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProceduralMemory.Neural;

/// <summary>
/// <c>TensorPrimitives.Dot</c> for the short rows of a dense layer, to the same bits, without the call's fixed cost.
/// </summary>
/// <remarks>
/// A forward pass of a skill's network is 71 dot products of 71 numbers; at that length most of the time of a
/// <c>TensorPrimitives.Dot</c> call went to reaching the loop rather than running it. With 512-bit vectors and 16
/// to 128 numbers, this repeats that method's own order of operations (first vector, the middle vectors in
/// order, the last vector masked to the numbers not yet counted, then <see cref="Vector512.Sum{T}"/>), so a network
/// computes exactly what it computed before; every other case calls <c>TensorPrimitives.Dot</c>. A test holds the
/// two equal bit for bit at every length from 0 to 256, so a change in the package's order shows at once.
/// </remarks>
internal static class DotProduct
{
    /// <summary>The dot product of <paramref name="x"/> and <paramref name="y"/> (same lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int n = x.Length;
        if (!Vector512.IsHardwareAccelerated || n < Vector512<float>.Count || n > 8 * Vector512<float>.Count || y.Length != n)
            return TensorPrimitives.Dot(x, y);
        const int Count = 16;
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        Vector512<float> sum = Vector512<float>.Zero + Vector512.LoadUnsafe(ref xRef) * Vector512.LoadUnsafe(ref yRef);
        int trailing = n % Count, whole = n - trailing;
        for (int i = Count; i < whole; i += Count)
            sum += Vector512.LoadUnsafe(ref xRef, (nuint)i) * Vector512.LoadUnsafe(ref yRef, (nuint)i);
        Vector512<float> last = Vector512.LoadUnsafe(ref xRef, (nuint)(n - Count)) * Vector512.LoadUnsafe(ref yRef, (nuint)(n - Count));
        // Only the last vector's top `trailing` lanes are new; the rest were counted above.
        Vector512<float> fresh = Vector512.GreaterThanOrEqual(Vector512<int>.Indices, Vector512.Create(Count - trailing)).AsSingle();
        sum += Vector512.ConditionalSelect(fresh, last, Vector512<float>.Zero);
        return Vector512.Sum(sum);
    }
}
