namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>One episode recorded from the reference MiniGrid (one line of a conformance file).</summary>
/// <param name="LineNumber">The 1-based line it was read from.</param>
/// <param name="Env">The reference environment id, e.g. <c>MiniGrid-DoorKey-8x8-v0</c>.</param>
/// <param name="Width">The grid's width.</param>
/// <param name="Height">The grid's height.</param>
/// <param name="Seed">The reference reset seed (informative: NumPy's layouts cannot be recreated here).</param>
/// <param name="Policy">How the actions were chosen (<c>expert</c>, <c>noisy</c>, <c>random</c>).</param>
/// <param name="MaxSteps">The reference step limit.</param>
/// <param name="Layout">The grid after reset (boxes with their contents), the agent's cell and direction, the mission.</param>
/// <param name="Image">The first observed view (147 bytes).</param>
/// <param name="Direction">The first observed direction.</param>
/// <param name="Steps">The recorded steps.</param>
/// <param name="FinalGrid">MiniGrid's encoding of the grid after the last step (width * height * 3 bytes).</param>
public sealed record ConformanceTrace(
    int LineNumber,
    string Env,
    int Width,
    int Height,
    long Seed,
    string Policy,
    int MaxSteps,
    MiniGridLayout Layout,
    byte[] Image,
    Direction Direction,
    IReadOnlyList<ConformanceStep> Steps,
    byte[] FinalGrid)
{
    /// <summary>A short description for reports: <c>MiniGrid-DoorKey-8x8-v0 seed 3 random</c>.</summary>
    public string Label => $"{Env} seed {Seed} {Policy}";
}
