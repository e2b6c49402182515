namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>The outcome of replaying one recorded episode.</summary>
/// <param name="Trace">The recorded episode.</param>
/// <param name="Mismatches">Every disagreement (empty when the episode passed).</param>
public sealed record ConformanceResult(ConformanceTrace Trace, IReadOnlyList<ConformanceMismatch> Mismatches)
{
    /// <summary>True when every compared field agreed.</summary>
    public bool Passed => Mismatches.Count == 0;
}
