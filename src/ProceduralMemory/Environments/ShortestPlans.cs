namespace ProceduralMemory.Environments;

/// <summary>
/// The shortest-plan yardstick over a set of layouts, for any environment that can plan (<see cref="IShortestPlan"/>):
/// what an agent's mean steps and return are put beside. For evaluation only.
/// </summary>
public static class ShortestPlans
{
    /// <summary>
    /// The shortest plans on the layouts of <paramref name="layoutSeeds"/> of the registered environment
    /// <paramref name="environmentName"/>: each plan is replayed on its layout for its return (the task's success
    /// reward at the plan's last step). Null when that environment cannot plan.
    /// </summary>
    /// <exception cref="ArgumentException">No seeds were given.</exception>
    /// <exception cref="InvalidOperationException">A plan, replayed, does not end the episode with its last step.</exception>
    public static ShortestPlanYardstick? Measure(string environmentName, IEnumerable<int> layoutSeeds)
    {
        ArgumentNullException.ThrowIfNull(layoutSeeds);
        if (EnvironmentRegistry.Create(environmentName) is not IShortestPlan environment)
            return null;
        long totalSteps = 0;
        double totalReturn = 0;
        int layouts = 0, solved = 0;
        foreach (int seed in layoutSeeds)
        {
            layouts++;
            environment.Reset(seed);
            if (environment.ShortestPlan() is not { } plan)
                continue;
            solved++;
            totalSteps += plan.Length;
            totalReturn += Replay(environment, seed, plan, environmentName);
        }
        if (layouts == 0)
            throw new ArgumentException("No layout seeds were given.", nameof(layoutSeeds));
        bool complete = solved == layouts;
        return new ShortestPlanYardstick(layouts, solved,
            complete ? (double)totalSteps / layouts : null, complete ? totalReturn / layouts : null);
    }

    /// <summary>
    /// The mean length of the shortest plans on the layouts of <paramref name="layoutSeeds"/> (see <see cref="Measure"/>);
    /// null when the environment cannot plan or some layout was not solved.
    /// </summary>
    /// <exception cref="ArgumentException">No seeds were given.</exception>
    public static double? MeanLength(string environmentName, IEnumerable<int> layoutSeeds) =>
        Measure(environmentName, layoutSeeds)?.MeanSteps;

    private static double Replay(IEnvironment environment, int seed, int[] plan, string environmentName)
    {
        environment.Reset(seed);
        double total = 0;
        for (int i = 0; i < plan.Length; i++)
        {
            StepResult step = environment.Step(plan[i]);
            total += step.Reward;
            if (step.Terminated != (i == plan.Length - 1))
                throw new InvalidOperationException($"The shortest plan for layout {seed} of {environmentName} does not end the episode at its last step.");
        }
        return total;
    }
}
