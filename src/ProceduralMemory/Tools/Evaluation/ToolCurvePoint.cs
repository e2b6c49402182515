namespace ProceduralMemory.Tools.Evaluation;

/// <summary>The test measures after learning from the first <paramref name="Demonstrations"/> demonstrations.</summary>
/// <param name="Demonstrations">Demonstrations learned from.</param>
/// <param name="Procedures">Procedures they gave.</param>
/// <param name="Scores">The procedural agent's measures on the test tasks.</param>
public sealed record ToolCurvePoint(int Demonstrations, int Procedures, ToolScores Scores);
