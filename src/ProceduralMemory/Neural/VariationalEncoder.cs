using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

/// <summary>
/// A variational autoencoder of fixed-length vectors (a demonstration's summary, a starting situation): an encoder
/// network maps an input to the mean and log-variance of a Gaussian code, the code is drawn by the
/// reparameterisation <c>z = μ + exp(½·log σ²)·ε</c> with <c>ε</c> from a seeded <see cref="Rng"/>, and a decoder
/// network maps the code back to the input. The loss is the reconstruction error plus β times the KL divergence
/// from the standard normal prior. The means are the codes used as keys: similar inputs get nearby means.
/// </summary>
/// <remarks>
/// Forward passes and gradients are side by side (<see cref="Loss"/> and <see cref="AccumulateGradients(ReadOnlySpan{float}, ReadOnlySpan{float}, float)"/> see the
/// same noise), and the gradients are checked against finite differences in the tests. An instance owns its scratch
/// buffers, so nothing in a step allocates, and it is <b>not thread-safe</b>.
/// </remarks>
public sealed partial class VariationalEncoder
{
    private readonly Mlp _encoder;
    private readonly Mlp _decoder;
    private readonly float[] _statistics, _code, _reconstruction;
    private readonly float[] _reconstructionGradient, _codeGradient, _statisticsGradient;
    // A batch's code means, labels and mean gradients for the separation term: made at its first batch, not here, so
    // that an encoder read from stored bytes allocates nothing by its (unchecked) batch size.
    private float[]? _batchMeans, _batchMeanGradients;
    private int[]? _batchLabels;

    /// <summary>Creates an untrained encoder for inputs of <paramref name="inputSize"/> numbers.</summary>
    public VariationalEncoder(int inputSize, VariationalEncoderOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        // Tanh rather than ReLU: the loss stays smooth, and a code is a smooth function of the input.
        _encoder = new Mlp(inputSize, [options.HiddenSize], 2 * options.LatentSize, options.Seed, HiddenActivation.Tanh);
        _decoder = new Mlp(options.LatentSize, [options.HiddenSize], inputSize, options.Seed ^ 0xDEC0_DE00UL, HiddenActivation.Tanh);
        _statistics = new float[2 * options.LatentSize];
        _statisticsGradient = new float[2 * options.LatentSize];
        _code = new float[options.LatentSize];
        _codeGradient = new float[options.LatentSize];
        _reconstruction = new float[inputSize];
        _reconstructionGradient = new float[inputSize];
    }

    /// <summary>The settings the encoder was built and is trained with.</summary>
    public VariationalEncoderOptions Options { get; }

    /// <summary>Length of an input.</summary>
    public int InputSize => _encoder.InputSize;

    /// <summary>Length of a code.</summary>
    public int LatentSize => Options.LatentSize;

    /// <summary>The network from an input to the code's mean and log-variance (means first).</summary>
    internal Mlp Encoder => _encoder;

    /// <summary>The network from a code back to an input.</summary>
    internal Mlp Decoder => _decoder;

    /// <summary>Writes the code's mean for <paramref name="input"/> (the deterministic code, the key); allocates nothing.</summary>
    public void Encode(ReadOnlySpan<float> input, Span<float> mean)
    {
        if (mean.Length != LatentSize)
            throw new ArgumentException($"Expected {LatentSize} code numbers, got {mean.Length}.", nameof(mean));
        _encoder.Forward(input, _statistics);
        _statistics.AsSpan(0, LatentSize).CopyTo(mean);
    }

    /// <summary>The loss of <paramref name="input"/> with the code drawn with the given standard normal <paramref name="noise"/>.</summary>
    public VariationalLoss Loss(ReadOnlySpan<float> input, ReadOnlySpan<float> noise)
    {
        if (noise.Length != LatentSize)
            throw new ArgumentException($"Expected {LatentSize} noise numbers, got {noise.Length}.", nameof(noise));
        _encoder.Forward(input, _statistics);
        ReadOnlySpan<float> mean = _statistics.AsSpan(0, LatentSize), logVariance = _statistics.AsSpan(LatentSize);
        for (int i = 0; i < LatentSize; i++)
            _code[i] = mean[i] + MathF.Exp(0.5f * logVariance[i]) * noise[i];
        _decoder.Forward(_code, _reconstruction);
        TensorPrimitives.Subtract(_reconstruction, input, _reconstructionGradient);
        float reconstruction = 0.5f * TensorPrimitives.SumOfSquares(_reconstructionGradient);
        return new VariationalLoss(reconstruction, Divergence(mean, logVariance), Options.Beta);
    }

    /// <summary>KL(N(μ, σ²) ‖ N(0, 1)) = −½ Σ (1 + log σ² − μ² − σ²).</summary>
    private static float Divergence(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance)
    {
        double sum = 0;
        for (int i = 0; i < mean.Length; i++)
            sum += 1.0 + logVariance[i] - (double)mean[i] * mean[i] - Math.Exp(logVariance[i]);
        return (float)(-0.5 * sum);
    }
}
