using ProceduralMemory.Memory;

namespace ProceduralMemory.Learning;

/// <summary>
/// Embeds perceived features as short unit vectors for the skill library's keys and queries: a fixed random
/// projection (which keeps cosine similarities approximately, by Johnson-Lindenstrauss) drawn from a seed.
/// Entries are uniform on [-1, 1] rather than Gaussian: a Gaussian needs log and cos, whose last bits may differ
/// between platforms, and a seed must give the same keys everywhere.
/// </summary>
public sealed class StateEncoder
{
    private readonly float[] _projection;

    /// <summary>Creates a projection from <paramref name="inputSize"/> features to <paramref name="dimension"/> numbers.</summary>
    public StateEncoder(int inputSize, int dimension, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        InputSize = inputSize;
        Dimension = dimension;
        _projection = new float[inputSize * dimension];
        var rng = new Rng(seed);
        for (int i = 0; i < _projection.Length; i++)
            _projection[i] = (float)(2.0 * rng.NextDouble() - 1.0);
    }

    /// <summary>The number of features taken in.</summary>
    public int InputSize { get; }

    /// <summary>The embedding length.</summary>
    public int Dimension { get; }

    /// <summary>The unit-length embedding of <paramref name="features"/>.</summary>
    public float[] Encode(ReadOnlySpan<float> features)
    {
        var embedding = new float[Dimension];
        for (int d = 0; d < Dimension; d++)
            embedding[d] = System.Numerics.Tensors.TensorPrimitives.Dot(features, _projection.AsSpan(d * InputSize, InputSize));
        VectorMath.NormalizeInPlace(embedding);
        return embedding;
    }
}
