using System.Numerics.Tensors;

namespace ProceduralMemory.Memory;

/// <summary>Vector kernels used by embeddings and retrieval.</summary>
public static class VectorMath
{
    /// <summary>
    /// Cosine similarity as the seed defines it: <c>dot(a, b) / (|a|·|b| + 1e-8)</c>. The epsilon makes a zero
    /// vector similar to nothing (0) instead of undefined.
    /// </summary>
    public static float CosineSimilarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Vectors differ in length ({a.Length} and {b.Length}).");
        float dot = TensorPrimitives.Dot(a, b);
        return dot / (TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b) + 1e-8f);
    }

    /// <summary>Scales <paramref name="vector"/> in place to unit length (a zero vector stays zero).</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
            TensorPrimitives.Divide(vector, norm, vector);
    }
}
