namespace ProceduralMemory.Tools.Evaluation;

/// <summary>What <see cref="ToolBenchmark"/> measured on the test tasks, for the procedural agent and both baselines.</summary>
/// <param name="Demonstrations">Demonstrations learned from (per fold, when cross-validated).</param>
/// <param name="Procedures">Procedures induced from all of them.</param>
/// <param name="Procedural">The procedural agent.</param>
/// <param name="NoMemory">The same agent with an empty library.</param>
/// <param name="LiteralReplay">The nearest demonstration replayed word for word.</param>
/// <param name="Tasks">The procedural agent's score on each test task.</param>
/// <param name="Curve">The procedural agent's measures after learning from more and more demonstrations (empty when cross-validated).</param>
/// <param name="Folds">Folds of the cross-validation, or 0 when train and test tasks are apart.</param>
public sealed record ToolBenchmarkResult(int Demonstrations, int Procedures, ToolScores Procedural, ToolScores NoMemory, ToolScores LiteralReplay,
    IReadOnlyList<ToolTaskScore> Tasks, IReadOnlyList<ToolCurvePoint> Curve, int Folds);
