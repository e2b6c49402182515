namespace ProceduralMemory.Neural;

/// <summary>Shape and training settings of a <see cref="VariationalEncoder"/>.</summary>
public sealed record VariationalEncoderOptions
{
    /// <summary>Length of the latent code (the key). Default 8.</summary>
    public int LatentSize { get; init; } = 8;

    /// <summary>Width of the one hidden layer of the encoder and of the decoder. Default 64.</summary>
    public int HiddenSize { get; init; } = 64;

    /// <summary>
    /// Weight of the KL term (a β-VAE). Default 0.1: below 1 the codes keep more of what tells demonstrations apart,
    /// which retrieval needs, at the price of a less regular latent space.
    /// </summary>
    public float Beta { get; init; } = 0.1f;

    /// <summary>Passes over the training set. Default 300.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Samples per minibatch. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's step size. Default 1e-3.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>
    /// Weight of the separation term (<see cref="SeparationLoss"/>) on the code means of labelled training samples: codes
    /// of one label are pulled together and the label means pushed apart. Default 0: off, the encoder of unlabelled
    /// training, bit for bit. Without labels there is nothing to separate, and a positive weight is refused.
    /// </summary>
    public float Separation { get; init; }

    /// <summary>Seed of the initial weights, the minibatch order and the reparameterisation noise.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        if (!(Beta >= 0f) || !float.IsFinite(Beta))
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "Must be non-negative and finite.");
        if (!(Separation >= 0f) || !float.IsFinite(Separation))
            throw new ArgumentOutOfRangeException(nameof(Separation), Separation, "Must be non-negative and finite.");
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive and finite.");
    }
}
