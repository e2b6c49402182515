using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// The explorer for grids whose perception tracks the agent's pose (<see cref="IPoseTracking"/>, MiniGrid's and the
/// seed grid world's): it learns what each action does in each <see cref="IPoseTracking.ActionContext"/> as a move
/// in the agent's own frame (e.g. "forward facing an empty cell moves one ahead", "toggle facing a locked door while
/// carrying changes a fact"), so what it learned in front of one door applies in front of every door, and imagines
/// the moves ahead on the remembered map.
/// </summary>
/// <remarks>
/// Visits are counted per cell, not per (cell, direction): otherwise turning on the spot looks as new as walking
/// somewhere new. The lookahead is what still makes turning worth it: a turn pays off through the walk it opens.
/// </remarks>
public sealed class NoveltyExplorer : LookaheadExplorer<(AgentPose Pose, ulong Facts), int, ActionOutcome>, IStoredOutcomes
{
    /// <summary>Creates an explorer over <paramref name="actionCount"/> actions, counting states by the facts in <paramref name="factMask"/>.</summary>
    public NoveltyExplorer(int actionCount, ulong factMask, ExplorationOptions? options = null)
        : base(actionCount, factMask, options ?? new ExplorationOptions())
    {
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The perception does not track the agent's pose.</exception>
    protected override (AgentPose Pose, ulong Facts) Current(IPerception perception) =>
        (Tracking(perception).Pose, perception.Facts.Bits & FactMask);

    /// <inheritdoc />
    protected override int ContextOf(IPerception perception, (AgentPose Pose, ulong Facts) state) =>
        Tracking(perception).ContextAt(state.Pose);

    /// <inheritdoc />
    protected override ActionOutcome OutcomeOf((AgentPose Pose, ulong Facts) before, (AgentPose Pose, ulong Facts) after)
    {
        var (forward, right, turns) = before.Pose.DeltaTo(after.Pose);
        return new ActionOutcome(forward, right, turns, before.Facts ^ after.Facts);
    }

    /// <inheritdoc />
    protected override (AgentPose Pose, ulong Facts) After((AgentPose Pose, ulong Facts) state, ActionOutcome outcome) =>
        (state.Pose.Moved(outcome.Forward, outcome.Right, outcome.Turns), state.Facts ^ outcome.FlippedFacts);

    /// <inheritdoc />
    protected override ulong FlippedFacts(ActionOutcome outcome) => outcome.FlippedFacts;

    /// <inheritdoc />
    protected override ulong FactsOf((AgentPose Pose, ulong Facts) state) => state.Facts;

    /// <inheritdoc />
    protected override bool Reveals(IPerception perception, (AgentPose Pose, ulong Facts) state) => Tracking(perception).FacesUnseen(state.Pose);

    /// <inheritdoc />
    protected override bool FacesHiddenSpace(IPerception perception, (AgentPose Pose, ulong Facts) state) =>
        Tracking(perception).FacesUnseen(state.Pose.Moved(1, 0, 0));

    /// <inheritdoc />
    protected override long VisitKey((AgentPose Pose, ulong Facts) state) => (state.Pose with { Direction = 0 }).Key(state.Facts);

    /// <inheritdoc />
    public IEnumerable<OutcomeCount> StoredCounts() =>
        OutcomeCounts().Select(c => GridDomain.Instance.CountOf(c.Context, c.Action, c.Outcome, c.Count));

    /// <inheritdoc />
    public int CountOf(OutcomeCount row)
    {
        var (action, outcome) = GridDomain.Instance.OutcomeOf(row);
        return OutcomeCount(row.Context, action, outcome);
    }

    /// <inheritdoc />
    public void SetCount(OutcomeCount row, int count)
    {
        var (action, outcome) = GridDomain.Instance.OutcomeOf(row);
        SetOutcomeCount(row.Context, action, outcome, count);
    }

    private static IPoseTracking Tracking(IPerception perception) =>
        perception as IPoseTracking ?? throw new ArgumentException("The novelty explorer needs a perception that tracks the agent's pose.", nameof(perception));
}
