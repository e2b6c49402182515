using System.Globalization;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>The one-line summary of an evaluation that <c>eval</c> and <c>bench learning</c> print alike.</summary>
internal static class EvaluationLine
{
    public static string Format(EvaluationResult e, double? optimalMeanSteps) => string.Create(CultureInfo.InvariantCulture,
        $"  mean return {e.MeanReturn:0.000}, success rate {e.SuccessRate:0.0%}, mean steps {e.MeanSteps:0.0} (optimal {(optimalMeanSteps is { } o ? o.ToString("0.0", CultureInfo.InvariantCulture) : "n/a")})");
}
