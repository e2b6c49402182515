namespace ProceduralMemory.Environments;

/// <summary>
/// What an agent may perceive after a reset or a step: named boolean facts for symbolic reasoning
/// (preconditions and effects of skills) and a numeric feature vector for neural policies and embeddings.
/// </summary>
/// <remarks>
/// Environments overwrite one observation instance in place; features are written on demand into the caller's
/// buffer, so an environment that nobody asks for features never pays for them.
/// </remarks>
public abstract class Observation
{
    /// <summary>The facts that hold now.</summary>
    public abstract Facts Facts { get; }

    /// <summary>The length of the feature vector.</summary>
    public abstract int FeatureCount { get; }

    /// <summary>Writes the feature vector into <paramref name="destination"/> (at least <see cref="FeatureCount"/> long).</summary>
    public abstract void WriteFeatures(Span<float> destination);

    /// <summary>An independent copy that later steps do not change.</summary>
    public abstract Observation Clone();

    /// <summary>The feature vector as a new array (a convenience off the hot path).</summary>
    public float[] ToFeatureArray()
    {
        var features = new float[FeatureCount];
        WriteFeatures(features);
        return features;
    }
}
