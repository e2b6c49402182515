namespace ProceduralMemory.Training;

/// <summary>An evaluation taken after <paramref name="TrainingSteps"/> environment steps of training.</summary>
/// <param name="TrainingSteps">Training environment steps so far.</param>
/// <param name="TrainingEpisodes">Training episodes so far.</param>
/// <param name="Evaluation">The evaluation at that point.</param>
public readonly record struct LearningCurvePoint(int TrainingSteps, int TrainingEpisodes, EvaluationResult Evaluation);
