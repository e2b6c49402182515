namespace ProceduralMemory.Training.Adaptation;

/// <summary>One run seed of <see cref="AdaptationBenchmark"/>.</summary>
/// <param name="Seed">The run seed.</param>
/// <param name="OriginalReturn">The original's normalised return (<see cref="SkillRollout.MeanNormalisedReturn"/>) on held-out task A layouts: what is to be recovered.</param>
/// <param name="ZeroShotReturn">The original's normalised return on held-out task B layouts, before any task B experience.</param>
/// <param name="Curve">Both arms at each increment.</param>
/// <param name="AdaptedRecovery">The first increment at which the adapted skill reaches the target, or null if none does.</param>
/// <param name="ScratchRecovery">The same for learning from scratch.</param>
public sealed record AdaptationRun(ulong Seed, double OriginalReturn, double ZeroShotReturn, IReadOnlyList<AdaptationCurvePoint> Curve,
    AdaptationCurvePoint? AdaptedRecovery, AdaptationCurvePoint? ScratchRecovery);
