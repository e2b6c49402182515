namespace ProceduralMemory.Tools.Tau;

/// <summary>The outcome of replaying conformance traces: what was checked and every difference found.</summary>
/// <param name="Tasks">Tasks replayed.</param>
/// <param name="Calls">Call outputs compared.</param>
/// <param name="Records">Changed records compared.</param>
/// <param name="Digests">Final digests compared.</param>
/// <param name="FailedTasks">Tasks with at least one difference.</param>
/// <param name="Mismatches">Every difference, in replay order.</param>
public sealed record TauConformanceResult(int Tasks, int Calls, int Records, int Digests, int FailedTasks, IReadOnlyList<TauConformanceMismatch> Mismatches)
{
    /// <summary>True when nothing differed.</summary>
    public bool Passed => Mismatches.Count == 0;
}
