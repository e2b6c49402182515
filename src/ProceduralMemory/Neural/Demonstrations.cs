using System.Runtime.InteropServices;

namespace ProceduralMemory.Neural;

/// <summary>
/// A behaviour-cloning dataset: (feature vector, action, weight) samples of a fixed feature length, stored
/// contiguously so that minibatches are gathered without allocation.
/// </summary>
public sealed class Demonstrations
{
    private readonly List<float> _features = [];
    private readonly List<int> _actions = [];
    private readonly List<float> _weights = [];

    /// <summary>Creates an empty dataset whose feature vectors have <paramref name="featureSize"/> entries.</summary>
    public Demonstrations(int featureSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureSize);
        FeatureSize = featureSize;
    }

    /// <summary>Length of every feature vector.</summary>
    public int FeatureSize { get; }

    /// <summary>Number of samples.</summary>
    public int Count => _actions.Count;

    /// <summary>Adds one sample (the features are copied).</summary>
    /// <param name="features">Exactly <see cref="FeatureSize"/> finite values.</param>
    /// <param name="action">The demonstrated action (non-negative).</param>
    /// <param name="weight">How strongly to imitate this sample; see <see cref="Mlp.TrainStep"/>.</param>
    public void Add(ReadOnlySpan<float> features, int action, float weight = 1f)
    {
        if (features.Length != FeatureSize)
            throw new ArgumentException($"Expected {FeatureSize} features, got {features.Length}.", nameof(features));
        if (features.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue) >= 0)
            throw new ArgumentException("Features must be finite.", nameof(features));
        ArgumentOutOfRangeException.ThrowIfNegative(action);
        if (!(weight >= 0f && float.IsFinite(weight)))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Must be non-negative and finite.");
        _features.AddRange(features);
        _actions.Add(action);
        _weights.Add(weight);
    }

    /// <summary>The features of sample <paramref name="index"/>; valid until the next <see cref="Add"/>.</summary>
    public ReadOnlySpan<float> Features(int index) =>
        CollectionsMarshal.AsSpan(_features).Slice(checked(index * FeatureSize), FeatureSize);

    /// <summary>The action of sample <paramref name="index"/>.</summary>
    public int Action(int index) => _actions[index];

    /// <summary>The weight of sample <paramref name="index"/>.</summary>
    public float Weight(int index) => _weights[index];
}
