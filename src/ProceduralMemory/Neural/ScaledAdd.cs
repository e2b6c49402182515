using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProceduralMemory.Neural;

/// <summary>
/// <c>y[i] = x[i]·a + y[i]</c>, the accumulation at the heart of a dense layer's backward pass, inlined into its
/// loops. Multiply then add, rounded twice, exactly as <c>TensorPrimitives.MultiplyAdd</c> does, so that networks
/// train to the same bits as before it replaced that call; what it saves is the call's fixed cost, which at rows
/// of 64 or 71 numbers was most of the work.
/// </summary>
internal static class ScaledAdd
{
    /// <summary>Adds <paramref name="x"/> times <paramref name="a"/> into <paramref name="y"/> (same lengths); allocates nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Into(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"Lengths differ ({x.Length} and {y.Length}).", nameof(y));
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> scale = Vector512.Create(a);
            for (; i + Vector512<float>.Count <= n; i += Vector512<float>.Count)
                (Vector512.LoadUnsafe(ref xRef, (nuint)i) * scale + Vector512.LoadUnsafe(ref yRef, (nuint)i)).StoreUnsafe(ref yRef, (nuint)i);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> scale = Vector256.Create(a);
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
                (Vector256.LoadUnsafe(ref xRef, (nuint)i) * scale + Vector256.LoadUnsafe(ref yRef, (nuint)i)).StoreUnsafe(ref yRef, (nuint)i);
        }
        if (Vector128.IsHardwareAccelerated)
        {
            Vector128<float> scale = Vector128.Create(a);
            for (; i + Vector128<float>.Count <= n; i += Vector128<float>.Count)
                (Vector128.LoadUnsafe(ref xRef, (nuint)i) * scale + Vector128.LoadUnsafe(ref yRef, (nuint)i)).StoreUnsafe(ref yRef, (nuint)i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref yRef, i) = Unsafe.Add(ref xRef, i) * a + Unsafe.Add(ref yRef, i);
    }
}
