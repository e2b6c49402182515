using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// The explorer for any environment: states are the perception's opaque keys, and what an action did is the state
/// it led to (with the facts it flipped), learned per state. It knows nothing of grids, so what it learns in one
/// state says nothing about another; it suits environments with few states, or perceptions whose keys already
/// merge states that behave alike. It does not plan (<see cref="ExplorationOptions.PlanningStates"/> is ignored):
/// its keys name one layout's states, so a plan through them is no guide on a layout never seen, where a skill's
/// network, which reads features, generalises.
/// </summary>
public sealed class CountExplorer : LookaheadExplorer<(long Key, ulong Facts), long, (long Next, ulong FlippedFacts)>
{
    /// <summary>Creates an explorer over <paramref name="actionCount"/> actions, counting states by the facts in <paramref name="factMask"/>.</summary>
    public CountExplorer(int actionCount, ulong factMask, ExplorationOptions? options = null)
        : base(actionCount, factMask, (options ?? new ExplorationOptions()) with { PlanningStates = 0 })
    {
    }

    /// <inheritdoc />
    protected override (long Key, ulong Facts) Current(IPerception perception)
    {
        ulong facts = perception.Facts.Bits & FactMask;
        return (perception.StateKeyWith(facts), facts);
    }

    /// <inheritdoc />
    protected override long ContextOf(IPerception perception, (long Key, ulong Facts) state) => state.Key;

    /// <inheritdoc />
    protected override (long Next, ulong FlippedFacts) OutcomeOf((long Key, ulong Facts) before, (long Key, ulong Facts) after) =>
        (after.Key, before.Facts ^ after.Facts);

    /// <inheritdoc />
    protected override (long Key, ulong Facts) After((long Key, ulong Facts) state, (long Next, ulong FlippedFacts) outcome) =>
        (outcome.Next, state.Facts ^ outcome.FlippedFacts);

    /// <inheritdoc />
    protected override ulong FlippedFacts((long Next, ulong FlippedFacts) outcome) => outcome.FlippedFacts;

    /// <inheritdoc />
    protected override ulong FactsOf((long Key, ulong Facts) state) => state.Facts;

    /// <inheritdoc />
    protected override long VisitKey((long Key, ulong Facts) state) => state.Key;
}
