namespace ProceduralMemory.Cli.Commands;

/// <summary>The shortest-path yardstick for reports (evaluation only: no agent ever sees it).</summary>
internal static class OptimalSteps
{
    /// <summary>The mean optimal number of steps over the layouts of <paramref name="seeds"/>, or null where no solver exists.</summary>
    public static double? Mean(string envName, IReadOnlyCollection<int> seeds) => null;
}
