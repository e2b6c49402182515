using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>One agent trained on one environment with one training seed: its learning curve.</summary>
internal sealed record ComparisonRun(string Environment, string Agent, int Seed, IReadOnlyList<LearningCurvePoint> Curve);
