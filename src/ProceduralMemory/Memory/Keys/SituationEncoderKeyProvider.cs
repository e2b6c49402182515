using System.Globalization;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Keys of situations (perceived features, as the random projection takes them) from an encoder trained on the
/// situations skills start from: what an agent can key a query with before any demonstration exists.
/// </summary>
/// <remarks>Not thread-safe: the encoder reuses its buffers. Use one provider per thread.</remarks>
public sealed class SituationEncoderKeyProvider : IKeyProvider<float[]>
{
    /// <summary>The name every id of this model starts with.</summary>
    public const string ModelName = "situation-encoder/v1";

    private readonly StandardizedEncoder _encoder;

    /// <summary>Wraps <paramref name="encoder"/>, trained on feature vectors.</summary>
    public SituationEncoderKeyProvider(StandardizedEncoder encoder)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        ModelId = string.Create(CultureInfo.InvariantCulture,
            $"{ModelName} dim={encoder.LatentSize} features={encoder.InputSize} weights={encoder.Fingerprint:x16}");
    }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int Dimension => _encoder.LatentSize;

    /// <inheritdoc />
    public float[] KeyOf(float[] situation) => _encoder.UnitKey(situation);
}
