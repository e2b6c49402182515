using System.Globalization;
using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Learning;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Skill keys from a trained <see cref="VariationalEncoder"/>: a demonstration is summarised
/// (<see cref="DemonstrationSummary"/>), standardised with the training set's statistics, encoded, and its code's
/// mean, normalised to unit length, is the key. The model id carries a hash of the encoder's weights and the
/// statistics, so keys from a retrained encoder never mix with older ones.
/// </summary>
/// <remarks>Not thread-safe: the encoder reuses its buffers. Use one provider per thread.</remarks>
public sealed class SkillEncoderKeyProvider : IKeyProvider<IReadOnlyList<AgentStep>>
{
    private const string ModelName = "skill-encoder/v1";
    private readonly VariationalEncoder _encoder;
    private readonly InputStandardizer _standardizer;
    private readonly float[] _input;

    /// <summary>
    /// Wraps <paramref name="encoder"/>, trained on summaries of demonstrations with these feature and action counts
    /// standardised by <paramref name="standardizer"/>.
    /// </summary>
    public SkillEncoderKeyProvider(VariationalEncoder encoder, InputStandardizer standardizer, int featureCount, int actionCount)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(standardizer);
        if (standardizer.Length != encoder.InputSize)
            throw new ArgumentException($"The standardizer takes {standardizer.Length} numbers, the encoder {encoder.InputSize}.", nameof(standardizer));
        if (encoder.InputSize != DemonstrationSummary.Length(featureCount, actionCount))
            throw new ArgumentException($"The encoder takes {encoder.InputSize} numbers, not the {DemonstrationSummary.Length(featureCount, actionCount)} of a summary of {featureCount} features and {actionCount} actions.", nameof(encoder));
        _encoder = encoder;
        _standardizer = standardizer;
        _input = new float[encoder.InputSize];
        FeatureCount = featureCount;
        ActionCount = actionCount;
        ulong weights = StableHash.Fnv1a64([.. MemoryMarshal.AsBytes(encoder.Encoder.Parameters), .. MemoryMarshal.AsBytes(encoder.Decoder.Parameters),
            .. MemoryMarshal.AsBytes(standardizer.Mean), .. MemoryMarshal.AsBytes(standardizer.Spread)]);
        ModelId = string.Create(CultureInfo.InvariantCulture,
            $"{ModelName} dim={encoder.LatentSize} features={featureCount} actions={actionCount} weights={weights:x16}");
    }

    /// <summary>Features per step of the demonstrations keyed.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of actions of the demonstrations keyed.</summary>
    public int ActionCount { get; }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int Dimension => _encoder.LatentSize;

    /// <inheritdoc />
    public float[] KeyOf(IReadOnlyList<AgentStep> situation) => KeyOfSummary(DemonstrationSummary.Of(situation, FeatureCount, ActionCount));

    /// <summary>The unit-length key of an already summarised demonstration.</summary>
    public float[] KeyOfSummary(ReadOnlySpan<float> summary)
    {
        var key = new float[Dimension];
        _standardizer.Apply(summary, _input);
        _encoder.Encode(_input, key);
        VectorMath.NormalizeInPlace(key);
        return key;
    }
}
