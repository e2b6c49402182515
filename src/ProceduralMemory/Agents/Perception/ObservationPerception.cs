using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// The perception of an environment that supplies none: the observation's own features and facts, nothing
/// remembered. Two states are the same when their features are bit for bit the same.
/// </summary>
public sealed class ObservationPerception(int featureCount) : IPerception
{
    private readonly float[] _features = new float[featureCount];
    private Observation _observation = null!;
    private ulong _featureHash;
    private Facts _facts;

    /// <inheritdoc />
    public int FeatureCount => _features.Length;

    /// <inheritdoc />
    public Observation Observation => _observation;

    /// <inheritdoc />
    public Facts Facts => _facts;

    /// <inheritdoc />
    /// <remarks>A 64-bit FNV-1a hash of the features' bits, mixed with the facts.</remarks>
    public long StateKeyWith(ulong facts) => (long)((_featureHash ^ facts) * 0x9E37_79B9_7F4A_7C15UL);

    /// <inheritdoc />
    public void Reset(Observation first) => Take(first);

    /// <inheritdoc />
    public void Observe(int action, Observation next) => Take(next);

    /// <inheritdoc />
    public void WriteFeatures(Span<float> destination) => _features.CopyTo(destination);

    // Features and facts are read on arrival: environments overwrite their observation in place.
    private void Take(Observation observation)
    {
        _observation = observation;
        _facts = observation.Facts;
        observation.WriteFeatures(_features);
        _featureHash = StableHash.Fnv1a64(MemoryMarshal.AsBytes(_features.AsSpan()));
    }
}
