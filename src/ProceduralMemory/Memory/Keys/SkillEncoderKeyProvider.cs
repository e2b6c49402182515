using System.Globalization;
using ProceduralMemory.Learning;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Skill keys from a trained skill encoder: a demonstration is summarised (<see cref="DemonstrationSummary"/>) and
/// its <see cref="StandardizedEncoder.UnitKey"/> is the key. The model id carries the encoder's
/// <see cref="StandardizedEncoder.Fingerprint"/>, so keys from a retrained encoder never mix with older ones.
/// </summary>
/// <remarks>Not thread-safe: the encoder reuses its buffers. Use one provider per thread.</remarks>
public sealed class SkillEncoderKeyProvider : IKeyProvider<IReadOnlyList<AgentStep>>
{
    private readonly StandardizedEncoder _encoder;

    /// <summary>Wraps <paramref name="encoder"/>, trained on summaries of demonstrations with these feature and action counts.</summary>
    public SkillEncoderKeyProvider(StandardizedEncoder encoder, int featureCount, int actionCount)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (encoder.InputSize != DemonstrationSummary.Length(featureCount, actionCount))
            throw new ArgumentException($"The encoder takes {encoder.InputSize} numbers, not the {DemonstrationSummary.Length(featureCount, actionCount)} of a summary of {featureCount} features and {actionCount} actions.", nameof(encoder));
        _encoder = encoder;
        FeatureCount = featureCount;
        ActionCount = actionCount;
        ModelId = string.Create(CultureInfo.InvariantCulture,
            $"skill-encoder/v1 dim={encoder.LatentSize} features={featureCount} actions={actionCount} weights={encoder.Fingerprint:x16}");
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
    public float[] KeyOfSummary(ReadOnlySpan<float> summary) => _encoder.UnitKey(summary);
}
