namespace ProceduralMemory.Training.Adaptation;

/// <summary>Both arms after learning from the first <paramref name="Demonstrations"/> pieces of task B experience.</summary>
/// <param name="Demonstrations">Task B demonstrations learned from.</param>
/// <param name="ExperienceSteps">Environment steps in them.</param>
/// <param name="AdaptedReturn">Normalised return (<see cref="SkillRollout.MeanNormalisedReturn"/>) on held-out task B layouts of the adapted skill: the copy when it was kept, else the original.</param>
/// <param name="AdaptedGradientSteps">Optimiser steps the adaptation took.</param>
/// <param name="CopyKept">Whether the copy did better than the original on held-out steps of the experience, and was kept.</param>
/// <param name="ScratchReturn">Return on the same layouts of a fresh network trained on the same experience.</param>
/// <param name="ScratchGradientSteps">Optimiser steps that took.</param>
public sealed record AdaptationCurvePoint(int Demonstrations, int ExperienceSteps, double AdaptedReturn, int AdaptedGradientSteps, bool CopyKept,
    double ScratchReturn, int ScratchGradientSteps);
