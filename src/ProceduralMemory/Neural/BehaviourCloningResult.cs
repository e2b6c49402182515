namespace ProceduralMemory.Neural;

/// <summary>The outcome of <see cref="BehaviourCloning.Train"/>, measured on the training demonstrations after the last epoch.</summary>
/// <param name="Loss">Weighted cross-entropy over all demonstrations, <c>Σ wᵢ·lossᵢ / n</c>.</param>
/// <param name="TrainingAccuracy">Fraction of demonstrations whose action the network predicts (unweighted).</param>
/// <param name="EpochsRun">Epochs actually run (fewer than asked when stopped early).</param>
public sealed record BehaviourCloningResult(float Loss, double TrainingAccuracy, int EpochsRun);
