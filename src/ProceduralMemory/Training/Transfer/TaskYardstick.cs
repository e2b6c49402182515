using ProceduralMemory.Environments;

namespace ProceduralMemory.Training.Transfer;

/// <summary>
/// What a task's returns are divided by to compare tasks: the mean return of the shortest plans on its held-out
/// layouts, or 1 (the raw return) when the task cannot plan or the plans' search gave up on some layout.
/// </summary>
/// <param name="Task">The environment's name.</param>
/// <param name="Split">Its held-out layouts.</param>
/// <param name="Optimal">The shortest plans' mean return, or null when the raw return is used.</param>
public sealed record TaskYardstick(string Task, LayoutSplit Split, double? Optimal)
{
    /// <summary>The task's held-out split and yardstick under <paramref name="plan"/>'s rules.</summary>
    public static TaskYardstick For(string task, TransferPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        LayoutSplit split = LayoutSplit.Of(EnvironmentRegistry.Create(task), plan.EvaluationSeeds);
        double? optimal = plan.NormaliseByShortestPlans ? ShortestPlans.Measure(task, split.EvaluationSeeds)?.MeanReturn : null;
        return new TaskYardstick(task, split, optimal is > 0 ? optimal : null);
    }

    /// <summary><paramref name="meanReturn"/> on this task's scale.</summary>
    public double Normalise(double meanReturn) => Optimal is { } optimal ? meanReturn / optimal : meanReturn;
}
