using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// An explorer whose learned outcome counts a skill store keeps (as <see cref="OutcomeCount"/> rows), so that what
/// actions do is learned once across runs and shared between agents on one store. An explorer without it learns for
/// the agent's lifetime only.
/// </summary>
public interface IStoredOutcomes
{
    /// <summary>Every learned count, in the store's form (<see cref="OutcomeCount.Count"/> is the total).</summary>
    IEnumerable<OutcomeCount> StoredCounts();

    /// <summary>The learned count of the outcome <paramref name="row"/> describes (its own count is ignored).</summary>
    int CountOf(OutcomeCount row);

    /// <summary>Sets the learned count of the outcome <paramref name="row"/> describes to <paramref name="count"/>.</summary>
    void SetCount(OutcomeCount row, int count);
}
