namespace ProceduralMemory.Environments;

/// <summary>The optimal-steps yardstick over a set of layouts, for any environment that can plan (<see cref="IShortestPlan"/>).</summary>
public static class ShortestPlans
{
    /// <summary>
    /// The mean length of the shortest plans on the layouts of <paramref name="layoutSeeds"/> of the registered
    /// environment <paramref name="environmentName"/>; null when that environment cannot plan.
    /// </summary>
    /// <exception cref="ArgumentException">No seeds were given.</exception>
    /// <exception cref="InvalidOperationException">Some layout cannot be solved.</exception>
    public static double? MeanLength(string environmentName, IEnumerable<int> layoutSeeds)
    {
        ArgumentNullException.ThrowIfNull(layoutSeeds);
        if (EnvironmentRegistry.Create(environmentName) is not IShortestPlan environment)
            return null;
        long total = 0;
        int layouts = 0;
        foreach (int seed in layoutSeeds)
        {
            environment.Reset(seed);
            int[] plan = environment.ShortestPlan()
                ?? throw new InvalidOperationException($"Layout {seed} of {environmentName} cannot be solved.");
            total += plan.Length;
            layouts++;
        }
        return layouts > 0 ? (double)total / layouts : throw new ArgumentException("No layout seeds were given.", nameof(layoutSeeds));
    }
}
