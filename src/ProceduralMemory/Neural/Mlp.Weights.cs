namespace ProceduralMemory.Neural;

public sealed partial class Mlp
{
    /// <summary>A copy of this network's shape and parameters.</summary>
    public MlpWeights GetWeights() => new(_layerSizes, Activation, _parameters);

    /// <summary>A new network with the given shape and parameters.</summary>
    public static Mlp FromWeights(MlpWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var mlp = new Mlp(weights.LayerSizes.ToArray(), weights.Activation);
        weights.Parameters.CopyTo(mlp._parameters);
        return mlp;
    }

    /// <summary>Overwrites this network's parameters with <paramref name="weights"/> of the same shape.</summary>
    /// <exception cref="ArgumentException">The shape or activation differs from this network's.</exception>
    public void LoadWeights(MlpWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!weights.LayerSizes.SequenceEqual(_layerSizes) || weights.Activation != Activation)
            throw new ArgumentException(
                $"Weights of shape [{string.Join(", ", weights.LayerSizes.ToArray())}] {weights.Activation} do not fit a network of shape [{string.Join(", ", _layerSizes)}] {Activation}.",
                nameof(weights));
        weights.Parameters.CopyTo(_parameters);
    }

    /// <summary>The binary form of <see cref="GetWeights"/> (see <see cref="MlpWeights"/>).</summary>
    public byte[] ToBytes() => GetWeights().ToBytes();

    /// <summary>A network read from the binary form of <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupted or invalid.</exception>
    public static Mlp FromBytes(ReadOnlySpan<byte> bytes) => FromWeights(MlpWeights.FromBytes(bytes));
}
