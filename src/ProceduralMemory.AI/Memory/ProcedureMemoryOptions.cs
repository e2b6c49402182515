using ProceduralMemory.Memory;
using ProceduralMemory.Tools.Procedures.Consolidation;

namespace ProceduralMemory.AI.Memory;

/// <summary>How a <see cref="ProcedureMemory"/> keeps its library in shape as trajectories are recorded.</summary>
public sealed record ProcedureMemoryOptions
{
    /// <summary>
    /// Consolidate the library (<see cref="ProcedureConsolidation"/>: variants of one procedure induced again as one,
    /// failing procedures retired) after every this many recorded successful trajectories; 0 (the default) never does
    /// it on its own (<see cref="ProcedureMemory.Consolidate"/> still can).
    /// </summary>
    public int ConsolidateEvery { get; init; }

    /// <summary>The rule that retires failing procedures when consolidating (the lifecycle's defaults: below 20% over 50 uses); null retires none.</summary>
    public RetirementRule? Retirement { get; init; } = new();
}
