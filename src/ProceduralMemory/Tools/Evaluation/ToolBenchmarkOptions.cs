using ProceduralMemory.Tools.Agents;

namespace ProceduralMemory.Tools.Evaluation;

/// <summary>How <see cref="ToolBenchmark"/> runs.</summary>
public sealed record ToolBenchmarkOptions
{
    /// <summary>The numbers of demonstrations the learning curve learns from (each at most the number there are).</summary>
    public IReadOnlyList<int> CurveSizes { get; init; } = [50, 100, 250, 500];

    /// <summary>Folds when the train and test tasks are the same set: each fold is tested on a library learned from the others.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>How the procedural agent recalls and runs procedures.</summary>
    public ProcedureAgentOptions Agent { get; init; } = new();
}
