using ProceduralMemory.Neural;

namespace ProceduralMemory.Learning;

/// <summary>The hyper-parameters of <see cref="SkillAdaptation.Adapt"/>: a few passes at a small learning rate, and how a copy is judged.</summary>
public sealed record SkillAdaptationOptions
{
    /// <summary>Passes over the new experience's training part.</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Samples per gradient step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Adam step size of the fine-tuning. The default is the best of the sweep in the README ("Adaptation with the
    /// original protected"): small next to cloning from scratch (3e-3), so a few steps move the copy towards the new
    /// situation without erasing what it knew.
    /// </summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>
    /// Every how many steps of the new experience one is held out to judge the copy against the original (e.g. 4:
    /// a quarter of the steps), never trained on.
    /// </summary>
    public int ValidationEvery { get; init; } = 4;

    /// <summary>
    /// How much lower (relatively, 0..1) the copy's loss on the held-out steps must be than the original's for the
    /// copy to be kept: 0 keeps any copy that does strictly better.
    /// </summary>
    public double MinimumImprovement { get; init; }

    /// <summary>Seed of the shuffling; the same seed, original and experience give the same copy bit for bit.</summary>
    public ulong Seed { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive and finite.");
        if (ValidationEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(ValidationEvery), ValidationEvery, "Must be at least 2, so that some steps are trained on.");
        if (!(MinimumImprovement is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(MinimumImprovement), MinimumImprovement, "Must be in [0, 1).");
    }

    /// <summary>The behaviour-cloning settings of the fine-tuning.</summary>
    internal BehaviourCloningOptions Cloning => new() { Epochs = Epochs, BatchSize = BatchSize, LearningRate = LearningRate, Seed = Seed };
}
