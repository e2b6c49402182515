using System.Globalization;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Embeds perceived features as short unit vectors for the skill library's keys and queries: a fixed random
/// projection (which keeps cosine similarities approximately, by Johnson-Lindenstrauss) drawn from a seed.
/// Entries are uniform on [-1, 1] rather than Gaussian: a Gaussian needs log and cos, whose last bits may differ
/// between platforms, and a seed must give the same keys everywhere.
/// </summary>
public sealed partial class RandomProjectionKeyProvider : IKeyProvider<float[]>
{
    private const string ModelName = "random-projection/v1";
    private readonly float[] _projection;

    /// <summary>Creates a projection from <paramref name="inputSize"/> features to <paramref name="dimension"/> numbers.</summary>
    public RandomProjectionKeyProvider(int inputSize, int dimension, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        InputSize = inputSize;
        Dimension = dimension;
        Seed = seed;
        _projection = new float[inputSize * dimension];
        var rng = new Rng(seed);
        for (int i = 0; i < _projection.Length; i++)
            _projection[i] = (float)(2.0 * rng.NextDouble() - 1.0);
    }

    /// <summary>The number of features taken in.</summary>
    public int InputSize { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The seed the projection is drawn from.</summary>
    public ulong Seed { get; }

    /// <inheritdoc />
    public string ModelId => IdOf(Seed, Dimension, InputSize);

    /// <summary>The model id of the projection with these settings.</summary>
    public static string IdOf(ulong seed, int dimension, int inputSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{ModelName} seed={seed} dim={dimension} features={inputSize}");

    /// <summary>The projection <paramref name="modelId"/> names, or <c>null</c> when it names another model.</summary>
    public static RandomProjectionKeyProvider? FromModelId(string modelId)
    {
        Match match = IdPattern().Match(modelId);
        if (!match.Success
            || !ulong.TryParse(match.Groups["seed"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            || !int.TryParse(match.Groups["dim"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int dimension)
            || !int.TryParse(match.Groups["features"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int features)
            || dimension <= 0 || features <= 0)
            return null;
        var provider = new RandomProjectionKeyProvider(features, dimension, seed);
        return provider.ModelId == modelId ? provider : null; // only the canonical spelling names the model
    }

    /// <inheritdoc />
    public float[] KeyOf(float[] situation) => Encode(situation);

    /// <summary>The unit-length embedding of <paramref name="features"/>.</summary>
    public float[] Encode(ReadOnlySpan<float> features)
    {
        var embedding = new float[Dimension];
        for (int d = 0; d < Dimension; d++)
            embedding[d] = System.Numerics.Tensors.TensorPrimitives.Dot(features, _projection.AsSpan(d * InputSize, InputSize));
        VectorMath.NormalizeInPlace(embedding);
        return embedding;
    }

    [GeneratedRegex(@"^random-projection/v1 seed=(?<seed>[0-9]+) dim=(?<dim>[0-9]+) features=(?<features>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
