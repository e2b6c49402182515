namespace ProceduralMemory.Training;

/// <summary>How an agent did, greedily and with learning off, on a set of layouts.</summary>
/// <param name="Episodes">Layouts played.</param>
/// <param name="MeanReturn">Mean episode return.</param>
/// <param name="SuccessRate">Share of episodes that reached the goal.</param>
/// <param name="MeanSteps">Mean steps per episode.</param>
public readonly record struct EvaluationResult(int Episodes, double MeanReturn, double SuccessRate, double MeanSteps);
