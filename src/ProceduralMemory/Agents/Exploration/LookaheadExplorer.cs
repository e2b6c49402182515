using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// Count-based exploration by lookahead, with no map knowledge and no scripted solution. The explorer learns, over
/// the whole run, what each action does in each context (how often each outcome followed), and in each episode
/// counts its visits to states. It looks <see cref="ExplorationOptions.Lookahead"/> actions ahead through what it
/// has learned and takes the action that leads to the least visited states; an action never tried in a context
/// counts as maximally novel, which is what makes it try each action once in front of each new kind of thing.
/// </summary>
/// <typeparam name="TState">What the lookahead imagines the agent's state to be (always including the counted facts).</typeparam>
/// <typeparam name="TContext">What an action's outcome is learned for.</typeparam>
/// <typeparam name="TOutcome">What an action did, as the subclass models it.</typeparam>
public abstract class LookaheadExplorer<TState, TContext, TOutcome> : IExplorer
    where TContext : notnull
    where TOutcome : notnull
{
    private readonly Dictionary<(TContext Context, int Action), Dictionary<TOutcome, int>> _outcomes = [];
    private readonly Dictionary<long, int> _visits = [];
    private readonly int _actionCount;
    private readonly ExplorationOptions _options;
    private TState _before = default!;
    private TContext _beforeContext = default!;

    /// <summary>Creates an explorer over <paramref name="actionCount"/> actions, counting states by the facts in <paramref name="factMask"/>.</summary>
    protected LookaheadExplorer(int actionCount, ulong factMask, ExplorationOptions options)
    {
        _actionCount = actionCount;
        FactMask = factMask;
        _options = options;
    }

    /// <summary>The facts that count towards a state (the others are ignored).</summary>
    protected ulong FactMask { get; }

    /// <summary>The agent's current state, as the lookahead sees it.</summary>
    protected abstract TState Current(IPerception perception);

    /// <summary>The context an action taken in <paramref name="state"/> is judged in.</summary>
    protected abstract TContext ContextOf(IPerception perception, TState state);

    /// <summary>What the agent's move from <paramref name="before"/> to <paramref name="after"/> was.</summary>
    protected abstract TOutcome OutcomeOf(TState before, TState after);

    /// <summary>The state <paramref name="outcome"/> leads to from <paramref name="state"/>.</summary>
    protected abstract TState After(TState state, TOutcome outcome);

    /// <summary>The facts <paramref name="outcome"/> flipped.</summary>
    protected abstract ulong FlippedFacts(TOutcome outcome);

    /// <summary>The key visits to <paramref name="state"/> are counted under.</summary>
    protected abstract long VisitKey(TState state);

    /// <inheritdoc />
    public void BeginEpisode(IPerception perception)
    {
        _visits.Clear();
        CountVisit(perception);
    }

    /// <inheritdoc />
    public int ChooseAction(IPerception perception, Rng rng)
    {
        TState state = Current(perception);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int action = 0; action < _actionCount; action++)
        {
            double score = ActionValue(perception, state, action, _options.Lookahead) + rng.NextDouble() * 1e-6;
            if (score > bestScore)
                (best, bestScore) = (action, score);
        }
        return best;
    }

    /// <inheritdoc />
    public void BeforeStep(IPerception perception)
    {
        _before = Current(perception);
        _beforeContext = ContextOf(perception, _before);
    }

    /// <inheritdoc />
    public void AfterStep(int action, IPerception perception, bool learnOutcome = true)
    {
        if (learnOutcome)
        {
            TOutcome outcome = OutcomeOf(_before, Current(perception));
            if (!_outcomes.TryGetValue((_beforeContext, action), out var counts))
                _outcomes[(_beforeContext, action)] = counts = [];
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }
        CountVisit(perception);
    }

    /// <inheritdoc />
    /// <remarks>"Usually": in more than <see cref="ExplorationOptions.LosingShare"/> of the tries.</remarks>
    public bool UsuallyLoses(IPerception perception, int action, ulong facts)
    {
        if (!_outcomes.TryGetValue((ContextOf(perception, Current(perception)), action), out var counts))
            return false;
        int total = 0, losing = 0;
        foreach (var (outcome, n) in counts)
        {
            total += n;
            if ((FlippedFacts(outcome) & facts) != 0)
                losing += n;
        }
        return losing > _options.LosingShare * total;
    }

    /// <summary>What the explorer has learned: how often each action, in each context, had each outcome.</summary>
    public IEnumerable<(TContext Context, int Action, TOutcome Outcome, int Count)> OutcomeCounts()
    {
        foreach (var ((context, action), counts) in _outcomes)
            foreach (var (outcome, count) in counts)
                yield return (context, action, outcome, count);
    }

    /// <summary>How often <paramref name="action"/> in <paramref name="context"/> had <paramref name="outcome"/>.</summary>
    public int OutcomeCount(TContext context, int action, TOutcome outcome) =>
        _outcomes.TryGetValue((context, action), out var counts) ? counts.GetValueOrDefault(outcome) : 0;

    /// <summary>Sets one learned count (read back from a store, where other agents may have added to it).</summary>
    public void SetOutcomeCount(TContext context, int action, TOutcome outcome, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_outcomes.TryGetValue((context, action), out var counts))
            _outcomes[(context, action)] = counts = [];
        counts[outcome] = count;
    }

    /// <summary>The expected novelty of the states <paramref name="action"/> leads to, plus the best that can follow.</summary>
    private double ActionValue(IPerception perception, TState state, int action, int depth)
    {
        double discount = _options.Discount;
        if (!_outcomes.TryGetValue((ContextOf(perception, state), action), out var counts))
            return 1.0 / (1 - discount); // never tried here: as good as endless novelty
        int total = 0;
        foreach (int n in counts.Values)
            total += n;
        // The unseen-outcome share keeps a little optimism for actions tried only a few times in this context.
        double value = 1.0 / (total + 1) / (1 - discount);
        foreach (var (outcome, n) in counts)
        {
            TState next = After(state, outcome);
            double novelty = 1.0 / Math.Sqrt(1 + _visits.GetValueOrDefault(VisitKey(next)));
            if (depth > 1)
            {
                double future = double.NegativeInfinity;
                for (int a = 0; a < _actionCount; a++)
                    future = Math.Max(future, ActionValue(perception, next, a, depth - 1));
                novelty += discount * future;
            }
            value += (double)n / (total + 1) * novelty;
        }
        return value;
    }

    private void CountVisit(IPerception perception)
    {
        long key = VisitKey(Current(perception));
        _visits[key] = _visits.GetValueOrDefault(key) + 1;
    }
}
