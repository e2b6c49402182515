namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's own rules and nothing else (no task hooks, no step limit to speak of), for a layout given as is:
/// what <see cref="ShortestPathSolver.Solve(MiniGridLayout, int)"/> searches when no task is named.
/// </summary>
internal sealed class LayoutRulesEnvironment(int width, int height) : MiniGridEnvironment("minigrid-layout", width, height, int.MaxValue)
{
    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng) =>
        throw new InvalidOperationException("This environment has no generator: start it from a layout.");
}
