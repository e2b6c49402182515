namespace ProceduralMemory.Neural;

/// <summary>The hyper-parameters of <see cref="BehaviourCloning.Train"/>, all in one place.</summary>
public sealed record BehaviourCloningOptions
{
    /// <summary>Maximum number of passes over the demonstrations.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Samples per gradient step (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam step size.</summary>
    public float LearningRate { get; init; } = 3e-3f;

    /// <summary>Decoupled weight decay of Adam; 0 (off) by default.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Seed of the per-epoch shuffling; the same seed and network give the same result bit for bit.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Stop after the first epoch at whose end the training accuracy reaches this fraction (e.g. 1.0), or
    /// never when <c>null</c> (the default). Checking costs one forward pass over the data per epoch.
    /// </summary>
    public double? StopAtTrainingAccuracy { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive and finite.");
        if (!(WeightDecay >= 0f) || !float.IsFinite(WeightDecay))
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Must be non-negative and finite.");
        if (StopAtTrainingAccuracy is { } target && !(target is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(StopAtTrainingAccuracy), target, "Must be in [0, 1].");
    }
}
