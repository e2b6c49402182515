namespace ProceduralMemory.Training;

/// <summary>
/// When a learning curve counts as having reached a target return: the mean return is at least the target at
/// <see cref="ConsecutiveEvaluations"/> evaluations in a row, each on at least <see cref="MinimumLayouts"/> layouts.
/// One evaluation that touches the target and is then missed does not count: on a few dozen layouts a noisy run
/// touches a target long before it holds it.
/// </summary>
public static class TargetRule
{
    /// <summary>Evaluations in a row that must reach the target.</summary>
    public const int ConsecutiveEvaluations = 2;

    /// <summary>The fewest layouts an evaluation must play to count.</summary>
    public const int MinimumLayouts = 100;

    /// <summary>
    /// The training steps at the evaluation that completes the first run of <see cref="ConsecutiveEvaluations"/>
    /// evaluations reaching <paramref name="target"/> (the first moment the rule is met), or null when it never is.
    /// </summary>
    public static int? StepsToReach(IEnumerable<LearningCurvePoint> curve, double target)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return StepsToReach(curve.Select(p => (p.TrainingSteps, p.Evaluation.Episodes, p.Evaluation.MeanReturn)), target);
    }

    /// <summary>The same, over evaluations given as training steps, layouts played and mean return, in training order.</summary>
    public static int? StepsToReach(IEnumerable<(int TrainingSteps, int Layouts, double MeanReturn)> evaluations, double target) =>
        StepsToReach(evaluations, target, MinimumLayouts);

    /// <summary>
    /// The same, where an evaluation counts from <paramref name="minimumLayouts"/> layouts: for a task with fewer
    /// distinct layouts than <see cref="MinimumLayouts"/> (DoorKey-5x5 has 48 in all), every held-out one.
    /// </summary>
    public static int? StepsToReach(IEnumerable<(int TrainingSteps, int Layouts, double MeanReturn)> evaluations, double target, int minimumLayouts)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        int inARow = 0;
        foreach (var (steps, layouts, meanReturn) in evaluations)
        {
            inARow = layouts >= minimumLayouts && meanReturn >= target ? inARow + 1 : 0;
            if (inARow >= ConsecutiveEvaluations)
                return steps;
        }
        return null;
    }
}
