using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// Generic count-based exploration with no map knowledge and no scripted solution. The explorer learns, over
/// the whole run, what each action does in each <see cref="IEpisodeMemory.ActionContext"/> (e.g. "forward
/// facing an empty cell moves one ahead", "toggle facing a locked door while carrying changes a fact"), and in
/// each episode counts its visits to (pose, facts) states. It takes the action whose predicted next state is
/// least visited; an action never tried in a context counts as maximally novel, which is what makes it try
/// picking up, dropping and toggling in front of each new kind of thing once.
/// </summary>
public sealed class NoveltyExplorer
{
    private readonly Dictionary<(int Context, int Action), Dictionary<ActionOutcome, int>> _outcomes = [];
    private readonly Dictionary<long, int> _visits = [];
    private readonly int _actionCount;
    private readonly ulong _factMask;
    private readonly Rng _rng;

    /// <summary>Creates an explorer over <paramref name="actionCount"/> actions, counting states by the facts in <paramref name="factMask"/>.</summary>
    public NoveltyExplorer(int actionCount, ulong factMask, Rng rng)
    {
        _actionCount = actionCount;
        _factMask = factMask;
        _rng = rng;
    }

    /// <summary>Forgets the episode's visit counts (what actions do is kept) and counts the first state.</summary>
    public void BeginEpisode(IEpisodeMemory memory)
    {
        _visits.Clear();
        CountVisit(memory);
    }

    /// <summary>The most novel action now; ties are broken at random.</summary>
    public int ChooseAction(IEpisodeMemory memory)
    {
        int context = memory.ActionContext;
        ulong facts = memory.Observation.Facts.Bits & _factMask;
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int action = 0; action < _actionCount; action++)
        {
            double score = ExpectedNovelty(context, action, memory.Pose, facts) + _rng.NextDouble() * 1e-6;
            if (score > bestScore)
                (best, bestScore) = (action, score);
        }
        return best;
    }

    /// <summary>Learns what <paramref name="action"/> did and counts the state it led to.</summary>
    public void Record(int context, int action, AgentPose before, ulong factsBefore, IEpisodeMemory after)
    {
        var (forward, right, turns) = before.DeltaTo(after.Pose);
        var outcome = new ActionOutcome(forward, right, turns, (factsBefore ^ after.Observation.Facts.Bits) & _factMask);
        if (!_outcomes.TryGetValue((context, action), out var counts))
            _outcomes[(context, action)] = counts = [];
        counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        CountVisit(after);
    }

    private double ExpectedNovelty(int context, int action, AgentPose pose, ulong facts)
    {
        if (!_outcomes.TryGetValue((context, action), out var counts))
            return 1.0;
        int total = 0;
        foreach (int n in counts.Values)
            total += n;
        // The unseen-outcome share keeps a little optimism for actions tried only a few times here.
        double novelty = 1.0 / (total + 1);
        foreach (var (outcome, n) in counts)
        {
            AgentPose next = pose.Moved(outcome.Forward, outcome.Right, outcome.Turns);
            int visits = _visits.GetValueOrDefault(next.Key(facts ^ outcome.FlippedFacts));
            novelty += (double)n / (total + 1) / Math.Sqrt(1 + visits);
        }
        return novelty;
    }

    private void CountVisit(IEpisodeMemory memory)
    {
        long key = memory.Pose.Key(memory.Observation.Facts.Bits & _factMask);
        _visits[key] = _visits.GetValueOrDefault(key) + 1;
    }
}
