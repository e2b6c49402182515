using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Neural;

/// <summary>
/// A trained <see cref="VariationalEncoder"/> with the <see cref="InputStandardizer"/> of its training set: the
/// model behind learned keys. An input is standardised, encoded, and its code's mean normalised to unit length.
/// </summary>
/// <remarks>Not thread-safe: the encoder and the standardised input reuse their buffers.</remarks>
public sealed class StandardizedEncoder
{
    private readonly float[] _input;

    /// <summary>Pairs <paramref name="encoder"/> with the <paramref name="standardizer"/> its training inputs went through.</summary>
    public StandardizedEncoder(VariationalEncoder encoder, InputStandardizer standardizer)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(standardizer);
        if (standardizer.Length != encoder.InputSize)
            throw new ArgumentException($"The standardizer takes {standardizer.Length} numbers, the encoder {encoder.InputSize}.", nameof(standardizer));
        Encoder = encoder;
        Standardizer = standardizer;
        _input = new float[encoder.InputSize];
        Fingerprint = StableHash.Fnv1a64([.. MemoryMarshal.AsBytes(encoder.Encoder.Parameters), .. MemoryMarshal.AsBytes(encoder.Decoder.Parameters),
            .. MemoryMarshal.AsBytes(standardizer.Mean), .. MemoryMarshal.AsBytes(standardizer.Spread)]);
    }

    /// <summary>
    /// Fits the standardisation to <paramref name="samples"/> and trains an encoder on the standardised samples; with
    /// <paramref name="labels"/> (the skill of each sample, by name) the separation term keeps different skills' codes apart.
    /// </summary>
    public static (StandardizedEncoder Encoder, VariationalLoss LastEpoch) Train(IReadOnlyList<float[]> samples, VariationalEncoderOptions options,
        IReadOnlyList<string>? labels = null)
    {
        var standardizer = InputStandardizer.Fit(samples);
        int[]? indices = null;
        if (labels is not null)
        {
            // Numbered in ordinal order of the names, so that the same labels give the same numbers whatever their order.
            var number = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select((label, at) => (label, at)).ToDictionary(p => p.label, p => p.at, StringComparer.Ordinal);
            indices = [.. labels.Select(l => number[l])];
        }
        var (encoder, lastEpoch) = VariationalEncoder.Train([.. samples.Select(s => standardizer.Apply(s))], options, indices);
        return (new StandardizedEncoder(encoder, standardizer), lastEpoch);
    }

    /// <summary>The trained network.</summary>
    public VariationalEncoder Encoder { get; }

    /// <summary>The training set's statistics.</summary>
    public InputStandardizer Standardizer { get; }

    /// <summary>Length of an input.</summary>
    public int InputSize => Encoder.InputSize;

    /// <summary>Length of a key.</summary>
    public int LatentSize => Encoder.LatentSize;

    /// <summary>A hash of the weights and the statistics: a retrained encoder has another.</summary>
    public ulong Fingerprint { get; }

    /// <summary>The unit-length code mean of <paramref name="input"/>.</summary>
    public float[] UnitKey(ReadOnlySpan<float> input)
    {
        var key = new float[LatentSize];
        Standardizer.Apply(input, _input);
        Encoder.Encode(_input, key);
        VectorMath.NormalizeInPlace(key);
        return key;
    }
}
