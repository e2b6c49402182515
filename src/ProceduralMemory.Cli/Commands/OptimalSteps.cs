using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Cli.Commands;

/// <summary>The shortest-path yardstick for reports (evaluation only: no agent ever sees it).</summary>
internal static class OptimalSteps
{
    /// <summary>The mean optimal number of steps over the layouts of <paramref name="seeds"/>; null for the seed grid world, which has no solver.</summary>
    public static double? Mean(string envName, IReadOnlyCollection<int> seeds) =>
        envName.StartsWith("doorkey-", StringComparison.Ordinal) ? ShortestPathSolver.OptimalMeanSteps(envName, seeds) : null;
}
