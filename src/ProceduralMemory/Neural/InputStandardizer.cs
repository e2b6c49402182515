namespace ProceduralMemory.Neural;

/// <summary>
/// Per-dimension standardisation <c>(x − mean) / spread</c> with the mean and standard deviation of a training set:
/// a rare but telling input (a one-hot of what the last step faced) then weighs as much in a reconstruction loss
/// as a dense one. A dimension that never varied keeps a spread of 1, so it neither divides by zero nor explodes.
/// </summary>
public sealed class InputStandardizer
{
    private const double SmallestSpread = 1e-3;
    private readonly float[] _mean;
    private readonly float[] _spread;

    private InputStandardizer(float[] mean, float[] spread)
    {
        _mean = mean;
        _spread = spread;
    }

    /// <summary>The statistics of <paramref name="samples"/> (not empty, all the same length).</summary>
    public static InputStandardizer Fit(IReadOnlyList<float[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("Standardisation needs at least one sample.", nameof(samples));
        int length = samples[0].Length;
        var sum = new double[length];
        var squares = new double[length];
        foreach (float[] sample in samples)
        {
            if (sample.Length != length)
                throw new ArgumentException($"Every sample must have {length} numbers; one has {sample.Length}.", nameof(samples));
            for (int i = 0; i < length; i++)
            {
                sum[i] += sample[i];
                squares[i] += (double)sample[i] * sample[i];
            }
        }
        var mean = new float[length];
        var spread = new float[length];
        for (int i = 0; i < length; i++)
        {
            double m = sum[i] / samples.Count;
            double deviation = Math.Sqrt(Math.Max(squares[i] / samples.Count - m * m, 0));
            mean[i] = (float)m;
            spread[i] = deviation < SmallestSpread ? 1f : (float)deviation;
        }
        return new InputStandardizer(mean, spread);
    }

    /// <summary>A standardisation with these statistics (as stored by <see cref="StandardizedEncoderCodec"/>).</summary>
    /// <exception cref="ArgumentException">The lengths differ, a number is not finite, or a spread is not positive.</exception>
    public static InputStandardizer FromStatistics(ReadOnlySpan<float> mean, ReadOnlySpan<float> spread)
    {
        if (mean.Length != spread.Length || mean.Length == 0)
            throw new ArgumentException($"Expected as many means as spreads, at least one; got {mean.Length} and {spread.Length}.");
        if (mean.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue) >= 0)
            throw new ArgumentException("Every mean must be finite.", nameof(mean));
        foreach (float s in spread)
            if (!(s > 0f) || !float.IsFinite(s))
                throw new ArgumentException($"A spread is {s}; every spread must be positive and finite.", nameof(spread));
        return new InputStandardizer(mean.ToArray(), spread.ToArray());
    }

    /// <summary>The length of an input.</summary>
    public int Length => _mean.Length;

    /// <summary>The training means, per dimension.</summary>
    public ReadOnlySpan<float> Mean => _mean;

    /// <summary>The training standard deviations (1 where a dimension never varied), per dimension.</summary>
    public ReadOnlySpan<float> Spread => _spread;

    /// <summary>Writes the standardised <paramref name="input"/> into <paramref name="output"/> (which may be the input).</summary>
    public void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != Length || output.Length != Length)
            throw new ArgumentException($"Expected {Length} numbers in and out, got {input.Length} and {output.Length}.");
        System.Numerics.Tensors.TensorPrimitives.Subtract(input, _mean, output);
        System.Numerics.Tensors.TensorPrimitives.Divide(output, _spread, output);
    }

    /// <summary>The standardised copy of <paramref name="input"/>.</summary>
    public float[] Apply(ReadOnlySpan<float> input)
    {
        var output = new float[input.Length];
        Apply(input, output);
        return output;
    }
}
