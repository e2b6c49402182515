namespace ProceduralMemory.Cli.Team;

/// <summary>Quantiles by the nearest-rank rule: always one of the values (the lower middle one for an even count).</summary>
internal static class NearestRank
{
    /// <summary>The <paramref name="fraction"/> quantile of the ascending, non-empty <paramref name="sorted"/>.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The median of the ascending, non-empty <paramref name="sorted"/>.</summary>
    public static double Median(IReadOnlyList<double> sorted) => Quantile(sorted, 0.5);
}
