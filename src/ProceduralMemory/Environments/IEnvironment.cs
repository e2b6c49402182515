namespace ProceduralMemory.Environments;

/// <summary>
/// An episodic environment in Gymnasium's shape: <see cref="Reset"/> with an optional seed, then
/// <see cref="Step"/> until the episode is terminated (the task ended) or truncated (a time limit hit).
/// </summary>
/// <remarks>
/// The observation returned by <see cref="Reset"/> and <see cref="Step"/> belongs to the environment and is
/// overwritten by the next call, so stepping allocates nothing; call <see cref="Observation.Clone"/> to keep one.
/// Stepping after the episode ended throws <see cref="InvalidOperationException"/>; an action outside
/// <see cref="Actions"/> throws <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public interface IEnvironment
{
    /// <summary>The registered name, e.g. <c>gridworld</c> or <c>doorkey-8x8</c>.</summary>
    string Name { get; }

    /// <summary>The named discrete actions.</summary>
    ActionSpace Actions { get; }

    /// <summary>The named boolean facts every observation reports.</summary>
    FactSchema Facts { get; }

    /// <summary>The length of <see cref="Observation.WriteFeatures"/>'s output.</summary>
    int FeatureCount { get; }

    /// <summary>The step at which an episode is truncated.</summary>
    int MaxSteps { get; }

    /// <summary>
    /// Starts an episode. With a seed the environment's generator is reseeded (same seed, same episode);
    /// without one it continues from its current state.
    /// </summary>
    ResetResult Reset(int? seed = null);

    /// <summary>Applies one action.</summary>
    StepResult Step(int action);
}
