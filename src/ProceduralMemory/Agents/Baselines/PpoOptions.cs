namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// Every hyper-parameter of the <see cref="PpoAgent"/>, in one place. The defaults are RL Baselines3 Zoo's settings
/// for <c>MiniGrid-DoorKey-5x5-v0</c> (<c>hyperparams/ppo.yml</c>: 8 environments, 128 steps each per rollout,
/// minibatches of 64, 10 epochs, γ 0.99, λ 0.95, clip 0.2, entropy 0, learning rate 2.5e-4) with Stable-Baselines3's
/// and CleanRL's common defaults for the rest (value coefficient 0.5, gradient norm 0.5, Adam ε 1e-5, separate
/// 64-64 tanh actor and critic, policy head scaled to 0.01); CleanRL's linear annealing of the learning rate.
/// docs/ppo.md gives the provenance of each and the figures measured with them.
/// </summary>
public sealed record PpoOptions
{
    /// <summary>Environments stepped in lockstep (<c>n_envs</c>).</summary>
    public int EnvironmentCount { get; init; } = 8;

    /// <summary>Steps per environment per rollout (<c>n_steps</c>); a rollout is <c>EnvironmentCount × StepsPerRollout</c> steps.</summary>
    public int StepsPerRollout { get; init; } = 128;

    /// <summary>Samples per gradient step (<c>batch_size</c>).</summary>
    public int MinibatchSize { get; init; } = 64;

    /// <summary>Passes over each rollout (<c>n_epochs</c>).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Discount of future reward per step (γ).</summary>
    public float Discount { get; init; } = 0.99f;

    /// <summary>The λ of generalised advantage estimation (Schulman et al. 2016).</summary>
    public float GaeLambda { get; init; } = 0.95f;

    /// <summary>The clip range ε of the surrogate objective: the probability ratio counts only within [1−ε, 1+ε].</summary>
    public float ClipRange { get; init; } = 0.2f;

    /// <summary>Weight of the value loss <c>½(V − R)²</c> in the total loss.</summary>
    public float ValueCoefficient { get; init; } = 0.5f;

    /// <summary>Weight of the entropy bonus (subtracted from the loss, so higher keeps the policy exploring).</summary>
    public float EntropyCoefficient { get; init; }

    /// <summary>Adam's step size at the start of training.</summary>
    public float LearningRate { get; init; } = 2.5e-4f;

    /// <summary>
    /// Lower the step size linearly to near zero over the training budget the harness gives
    /// (<see cref="ITrainingBudgetAware"/>), as CleanRL does; without a budget it stays constant.
    /// </summary>
    public bool AnnealLearningRate { get; init; } = true;

    /// <summary>Adam's ε.</summary>
    public float AdamEpsilon { get; init; } = 1e-5f;

    /// <summary>The joint gradient norm of actor and critic is clipped to this before each step.</summary>
    public float MaxGradientNorm { get; init; } = 0.5f;

    /// <summary>Normalise the advantages within each minibatch to mean 0 and standard deviation 1.</summary>
    public bool NormaliseAdvantages { get; init; } = true;

    /// <summary>Widths of the hidden layers of the actor and, separately, of the critic.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [64, 64];

    /// <summary>
    /// The policy head's initial weights are scaled by this, so that the first policy is near uniform (the 0.01 gain
    /// of Stable-Baselines3's and CleanRL's orthogonal initialisation of that layer).
    /// </summary>
    public float PolicyHeadScale { get; init; } = 0.01f;

    /// <summary>The seed of the initial weights, of every sampled action and of every minibatch shuffle.</summary>
    public ulong Seed { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EnvironmentCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StepsPerRollout);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinibatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
        if (!(Discount is >= 0f and <= 1f))
            throw new ArgumentOutOfRangeException(nameof(Discount), Discount, "Must be in [0, 1].");
        if (!(GaeLambda is >= 0f and <= 1f))
            throw new ArgumentOutOfRangeException(nameof(GaeLambda), GaeLambda, "Must be in [0, 1].");
        if (!(ClipRange > 0f))
            throw new ArgumentOutOfRangeException(nameof(ClipRange), ClipRange, "Must be positive.");
        if (!(ValueCoefficient >= 0f) || !(EntropyCoefficient >= 0f))
            throw new ArgumentOutOfRangeException(nameof(ValueCoefficient), "The loss coefficients must be non-negative.");
        if (!(LearningRate > 0f) || !(AdamEpsilon > 0f) || !(MaxGradientNorm > 0f) || !(PolicyHeadScale > 0f))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), "The learning rate, Adam's ε, the gradient norm and the head scale must be positive.");
        if (HiddenSizes is null || HiddenSizes.Any(size => size <= 0))
            throw new ArgumentOutOfRangeException(nameof(HiddenSizes), "Hidden widths must be positive.");
    }
}
