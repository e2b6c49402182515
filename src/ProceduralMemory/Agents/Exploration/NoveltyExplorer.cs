using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// Generic count-based exploration with no map knowledge and no scripted solution. The explorer learns, over
/// the whole run, what each action does in each <see cref="IEpisodeMemory.ActionContext"/> (e.g. "forward
/// facing an empty cell moves one ahead", "toggle facing a locked door while carrying changes a fact"), and in
/// each episode counts its visits to (cell, facts) states. It looks a few actions ahead through what it has
/// learned and takes the action that leads to the least visited states; an action never tried in a context
/// counts as maximally novel, which is what makes it try picking up, dropping and toggling in front of each new
/// kind of thing once.
/// </summary>
/// <remarks>
/// Visits are counted per cell, not per (cell, direction): otherwise turning on the spot looks as new as walking
/// somewhere new. The lookahead is what still makes turning worth it: a turn pays off through the walk it opens.
/// </remarks>
public sealed class NoveltyExplorer
{
    private const int Lookahead = 3;
    private const double Discount = 0.8;

    private readonly Dictionary<(int Context, int Action), Dictionary<ActionOutcome, int>> _outcomes = [];
    private readonly Dictionary<long, int> _visits = [];
    private readonly int _actionCount;
    private readonly ulong _factMask;

    /// <summary>Creates an explorer over <paramref name="actionCount"/> actions, counting states by the facts in <paramref name="factMask"/>.</summary>
    public NoveltyExplorer(int actionCount, ulong factMask)
    {
        _actionCount = actionCount;
        _factMask = factMask;
    }

    /// <summary>Forgets the episode's visit counts (what actions do is kept) and counts the first state.</summary>
    public void BeginEpisode(IEpisodeMemory memory)
    {
        _visits.Clear();
        CountVisit(memory);
    }

    /// <summary>The action with the most novelty ahead; ties are broken at random by <paramref name="rng"/>.</summary>
    public int ChooseAction(IEpisodeMemory memory, Rng rng)
    {
        ulong facts = memory.Observation.Facts.Bits & _factMask;
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int action = 0; action < _actionCount; action++)
        {
            double score = ActionValue(memory, memory.Pose, facts, action, Lookahead) + rng.NextDouble() * 1e-6;
            if (score > bestScore)
                (best, bestScore) = (action, score);
        }
        return best;
    }

    /// <summary>
    /// Counts the state <paramref name="action"/> led to and, with <paramref name="learnOutcome"/>, learns what the
    /// action did (evaluation counts visits, which only last the episode, but learns nothing that lasts).
    /// </summary>
    public void Record(int context, int action, AgentPose before, ulong factsBefore, IEpisodeMemory after, bool learnOutcome = true)
    {
        if (learnOutcome)
        {
            var (forward, right, turns) = before.DeltaTo(after.Pose);
            var outcome = new ActionOutcome(forward, right, turns, (factsBefore ^ after.Observation.Facts.Bits) & _factMask);
            if (!_outcomes.TryGetValue((context, action), out var counts))
                _outcomes[(context, action)] = counts = [];
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }
        CountVisit(after);
    }

    /// <summary>
    /// True when, by what the explorer has seen, <paramref name="action"/> in <paramref name="context"/> usually
    /// turns one of <paramref name="facts"/> false (e.g. <c>drop</c> while carrying loses <c>has_key</c>).
    /// </summary>
    public bool UsuallyLoses(int context, int action, ulong facts)
    {
        if (!_outcomes.TryGetValue((context, action), out var counts))
            return false;
        int total = 0, losing = 0;
        foreach (var (outcome, n) in counts)
        {
            total += n;
            if ((outcome.FlippedFacts & facts) != 0)
                losing += n;
        }
        return 2 * losing > total;
    }

    /// <summary>What the explorer has learned: how often each action, in each context, had each outcome.</summary>
    public IEnumerable<(int Context, int Action, ActionOutcome Outcome, int Count)> OutcomeCounts()
    {
        foreach (var ((context, action), counts) in _outcomes)
            foreach (var (outcome, count) in counts)
                yield return (context, action, outcome, count);
    }

    /// <summary>How often <paramref name="action"/> in <paramref name="context"/> had <paramref name="outcome"/>.</summary>
    public int OutcomeCount(int context, int action, ActionOutcome outcome) =>
        _outcomes.TryGetValue((context, action), out var counts) ? counts.GetValueOrDefault(outcome) : 0;

    /// <summary>Sets one learned count (read back from a store, where other agents may have added to it).</summary>
    public void SetOutcomeCount(int context, int action, ActionOutcome outcome, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_outcomes.TryGetValue((context, action), out var counts))
            _outcomes[(context, action)] = counts = [];
        counts[outcome] = count;
    }

    /// <summary>The expected novelty of the states <paramref name="action"/> leads to, plus the best that can follow.</summary>
    private double ActionValue(IEpisodeMemory memory, AgentPose pose, ulong facts, int action, int depth)
    {
        if (!_outcomes.TryGetValue((memory.ContextAt(pose), action), out var counts))
            return 1.0 / (1 - Discount); // never tried here: as good as endless novelty
        int total = 0;
        foreach (int n in counts.Values)
            total += n;
        // The unseen-outcome share keeps a little optimism for actions tried only a few times in this context.
        double value = 1.0 / (total + 1) / (1 - Discount);
        foreach (var (outcome, n) in counts)
        {
            AgentPose next = pose.Moved(outcome.Forward, outcome.Right, outcome.Turns);
            ulong nextFacts = facts ^ outcome.FlippedFacts;
            double novelty = 1.0 / Math.Sqrt(1 + _visits.GetValueOrDefault(CellKey(next, nextFacts)));
            if (depth > 1)
            {
                double future = double.NegativeInfinity;
                for (int a = 0; a < _actionCount; a++)
                    future = Math.Max(future, ActionValue(memory, next, nextFacts, a, depth - 1));
                novelty += Discount * future;
            }
            value += (double)n / (total + 1) * novelty;
        }
        return value;
    }

    private static long CellKey(AgentPose pose, ulong facts) => (pose with { Direction = 0 }).Key(facts);

    private void CountVisit(IEpisodeMemory memory)
    {
        long key = CellKey(memory.Pose, memory.Observation.Facts.Bits & _factMask);
        _visits[key] = _visits.GetValueOrDefault(key) + 1;
    }
}
