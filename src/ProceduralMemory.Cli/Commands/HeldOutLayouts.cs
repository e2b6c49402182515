using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>How a command names the layouts it evaluated on, and how many of them training also visited.</summary>
internal static class HeldOutLayouts
{
    /// <summary>E.g. "99 held-out test layouts (the distinct layouts of seeds 0-99; 0 also trained on)".</summary>
    public static string Describe(LayoutSplit split, IReadOnlyList<int> evalSeeds, EvaluationResult evaluation)
    {
        string source = split.EvaluatesDevelopment
            ? $"the development split, from seeds {LayoutSplit.DevSeedRange}"
            : $"the distinct layouts of seeds {SeedRange.Format(evalSeeds)}";
        string heldOut = split.HoldsOut ? "held-out " : "";
        return $"{evaluation.Episodes} {heldOut}{(split.EvaluatesDevelopment ? "development" : "test")} layouts ({source}; " +
            $"{evaluation.LayoutsAlsoTrainedOn} also trained on)";
    }
}
