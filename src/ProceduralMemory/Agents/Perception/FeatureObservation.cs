using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// An observation made of features the agent has already put together (observation plus memory), so that a
/// skill policy sees exactly what the agent perceives.
/// </summary>
public sealed class FeatureObservation : Observation
{
    private readonly float[] _features;
    private readonly Facts _facts;

    /// <summary>Wraps <paramref name="features"/> (not copied) and <paramref name="facts"/>.</summary>
    public FeatureObservation(float[] features, Facts facts)
    {
        _features = features;
        _facts = facts;
    }

    /// <inheritdoc />
    public override Facts Facts => _facts;

    /// <inheritdoc />
    public override int FeatureCount => _features.Length;

    /// <inheritdoc />
    public override void WriteFeatures(Span<float> destination) => _features.CopyTo(destination);

    /// <inheritdoc />
    public override Observation Clone() => new FeatureObservation((float[])_features.Clone(), _facts);
}
