using ProceduralMemory.Environments;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory;

/// <summary>
/// A closed-loop neural policy: a small <see cref="Mlp"/> maps the perceived features to action scores and the
/// best-scoring action is taken, every step, from whatever the agent now perceives.
/// </summary>
public sealed class MlpPolicy : INetworkPolicy
{
    private readonly float[] _features;

    /// <summary>Wraps <paramref name="network"/>, which the owner may keep training.</summary>
    public MlpPolicy(Mlp network)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        _features = new float[network.InputSize];
    }

    /// <summary>The stored kind name.</summary>
    public const string KindName = "mlp";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The network.</summary>
    public Mlp Network { get; }

    /// <inheritdoc />
    public int? ChooseAction(Observation observation, int step)
    {
        observation.WriteFeatures(_features);
        return Network.Predict(_features);
    }
}
