using System.Globalization;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>The one-line summaries of an evaluation that <c>eval</c> and <c>bench learning</c> print alike.</summary>
internal static class EvaluationLine
{
    public static string Format(EvaluationResult e, double? optimalMeanSteps) => string.Create(CultureInfo.InvariantCulture,
        $"  mean return {e.MeanReturn:0.000}, success rate {e.SuccessRate:0.0%}, mean steps {e.MeanSteps:0.0} (optimal {(optimalMeanSteps is { } o ? o.ToString("0.0", CultureInfo.InvariantCulture) : "n/a")})");

    /// <summary>
    /// The normalised return: <paramref name="e"/>'s mean return over the shortest plans' on the same layouts, or
    /// n/a with the reason (no yardstick for the environment, or layouts the search did not solve).
    /// </summary>
    public static string FormatNormalised(EvaluationResult e, ShortestPlanYardstick? yardstick) => yardstick switch
    {
        null => "  normalised return n/a (the environment cannot plan: no shortest-path yardstick)",
        { Complete: false } => string.Create(CultureInfo.InvariantCulture,
            $"  normalised return n/a (shortest plans found on {yardstick.Solved} of {yardstick.Layouts} layouts: the rest have none or exceed the search's bound)"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"  normalised return {yardstick.Normalise(e.MeanReturn)?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"} (the shortest plans' mean return is {yardstick.MeanReturn:0.000}, on all {yardstick.Layouts} layouts)"),
    };
}
