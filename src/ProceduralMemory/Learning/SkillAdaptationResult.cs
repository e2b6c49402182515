using ProceduralMemory.Neural;

namespace ProceduralMemory.Learning;

/// <summary>The outcome of <see cref="SkillAdaptation.Adapt"/>.</summary>
/// <param name="Copy">The fine-tuned copy of the original network (kept or not; the original is never changed).</param>
/// <param name="OriginalLoss">The original's mean cross-entropy on the held-out steps of the new experience (NaN when none could be held out).</param>
/// <param name="CopyLoss">The copy's, on the same steps.</param>
/// <param name="TrainingSteps">Steps of the new experience trained on.</param>
/// <param name="HeldOutSteps">Steps held out to judge.</param>
/// <param name="GradientSteps">Optimiser steps taken.</param>
/// <param name="Accepted">Whether the copy does better than the original on the held-out steps (by the options' margin): keep it as a variant.</param>
public sealed record SkillAdaptationResult(Mlp Copy, float OriginalLoss, float CopyLoss, int TrainingSteps, int HeldOutSteps, int GradientSteps,
    bool Accepted);
