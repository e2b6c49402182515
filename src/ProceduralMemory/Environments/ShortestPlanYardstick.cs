namespace ProceduralMemory.Environments;

/// <summary>
/// The shortest plans over a set of layouts (<see cref="ShortestPlans.Measure"/>): how many were solved, and, when
/// every one was, their mean length and mean return.
/// </summary>
/// <param name="Layouts">The number of layouts searched.</param>
/// <param name="Solved">How many of them the search solved (the rest have no plan or exceeded its bound).</param>
/// <param name="MeanSteps">The plans' mean length; null unless every layout was solved.</param>
/// <param name="MeanReturn">The plans' mean return, each replayed on its layout; null unless every layout was solved.</param>
public sealed record ShortestPlanYardstick(int Layouts, int Solved, double? MeanSteps, double? MeanReturn)
{
    /// <summary>True when every layout was solved, so that the means are defined.</summary>
    public bool Complete => Solved == Layouts;

    /// <summary>
    /// <paramref name="meanReturn"/> divided by the shortest plans' mean return: the normalised return; null when the
    /// plans' return is not known or not positive.
    /// </summary>
    public double? Normalise(double meanReturn) => MeanReturn is > 0 and double optimal ? meanReturn / optimal : null;
}
