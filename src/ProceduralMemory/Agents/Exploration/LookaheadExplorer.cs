using System.Diagnostics.CodeAnalysis;
using ProceduralMemory.Environments;
using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// Count-based exploration by lookahead, with no map knowledge and no scripted solution. The explorer learns, over
/// the whole run, what each action does in each context (how often each outcome followed), and in each episode
/// counts its visits to states. It looks <see cref="ExplorationOptions.Lookahead"/> actions ahead through what it
/// has learned and takes the action that leads to the least visited states; an action never tried in a context
/// counts as maximally novel, which is what makes it try each action once in front of each new kind of thing.
/// </summary>
/// <remarks>
/// Beyond the lookahead it plans (<see cref="ExplorationOptions.PlanningStates"/>): breadth-first through the same
/// learned outcomes (each action's most frequent outcome in its context) to the nearest state where something is
/// still to be learned or gained: an action never tried in its context, an action known to make a fact true that
/// gives a combination of facts not yet held this episode, or (<see cref="Reveals"/>) a view of what has not been
/// seen. Asked for a goal (<see cref="ActionTowards"/>), it plans to the nearest action known to achieve it. Both
/// avoid actions that usually ended the episode without reward (stepping into lava) and actions that usually lose
/// what must be kept. A world the agent has mapped is then crossed in as many steps as its shortest path, however
/// large, where the lookahead alone wanders once nothing new lies within its few actions.
/// </remarks>
/// <typeparam name="TState">What the lookahead imagines the agent's state to be (always including the counted facts).</typeparam>
/// <typeparam name="TContext">What an action's outcome is learned for.</typeparam>
/// <typeparam name="TOutcome">What an action did, as the subclass models it.</typeparam>
public abstract class LookaheadExplorer<TState, TContext, TOutcome> : IExplorer
    where TState : notnull
    where TContext : notnull
    where TOutcome : notnull
{
    private readonly Dictionary<(TContext Context, int Action), Dictionary<TOutcome, int>> _outcomes = [];
    // What actions did this episode while not learning (evaluating): working memory, forgotten when the episode ends.
    private readonly Dictionary<(TContext Context, int Action), Dictionary<TOutcome, int>> _seenThisEpisode = [];
    private readonly Dictionary<long, int> _visits = [];
    // Per (context, action): how often it ended the episode without reward (stepping into lava).
    private readonly Dictionary<(TContext Context, int Action), int> _endings = [];
    // Per (context, action): how often it left the agent's state as it was but changed what it faces (a door opened).
    private readonly Dictionary<(TContext Context, int Action), int> _frontChanges = [];
    // The combinations of counted facts held so far this episode.
    private readonly HashSet<ulong> _factsHeld = [];
    private readonly Queue<(TState State, int First)> _frontier = new();
    private readonly HashSet<TState> _planned = [];
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

    /// <summary>The counted facts that hold in <paramref name="state"/>.</summary>
    protected abstract ulong FactsOf(TState state);

    /// <summary>Whether being in <paramref name="state"/> would show the agent something it has not seen yet (false by default).</summary>
    protected virtual bool Reveals(IPerception perception, TState state) => false;

    /// <summary>
    /// Whether in <paramref name="state"/> the agent faces something that blocks its view of what it has not seen
    /// (a closed door with unexplored space behind it), so that an action known to change what it faces is worth
    /// trying there (false by default).
    /// </summary>
    protected virtual bool FacesHiddenSpace(IPerception perception, TState state) => false;

    /// <inheritdoc />
    public void BeginEpisode(IPerception perception)
    {
        _visits.Clear();
        _factsHeld.Clear();
        _seenThisEpisode.Clear();
        CountVisit(perception);
    }

    /// <inheritdoc />
    public int ChooseAction(IPerception perception, Rng rng)
    {
        if (Plan(perception, goal: null, keep: 0) is { } planned)
            return planned;
        TState state = Current(perception);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        TContext context = ContextOf(perception, state);
        for (int action = 0; action < _actionCount; action++)
        {
            double score = ActionValue(perception, state, action, _options.Lookahead) + rng.NextDouble() * 1e-6;
            if (Known((context, action), out var counts) && UsuallyEnds(context, action, counts))
                score -= 1e6; // only when every other action is as bad
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
        if (!learnOutcome && _options.RememberWhileEvaluating)
        {
            // Not learning, the agent still remembers within the episode what it just saw an action do, so that it
            // does not retry forever an action it has never learned (a pickup in front of a kind of object new to it).
            TOutcome seen = OutcomeOf(_before, Current(perception));
            if (!_seenThisEpisode.TryGetValue((_beforeContext, action), out var seenCounts))
                _seenThisEpisode[(_beforeContext, action)] = seenCounts = [];
            seenCounts[seen] = seenCounts.GetValueOrDefault(seen) + 1;
        }
        if (learnOutcome)
        {
            TState after = Current(perception);
            if (EqualityComparer<TState>.Default.Equals(after, _before) && !EqualityComparer<TContext>.Default.Equals(ContextOf(perception, after), _beforeContext))
                _frontChanges[(_beforeContext, action)] = _frontChanges.GetValueOrDefault((_beforeContext, action)) + 1;
            TOutcome outcome = OutcomeOf(_before, after);
            if (!_outcomes.TryGetValue((_beforeContext, action), out var counts))
                _outcomes[(_beforeContext, action)] = counts = [];
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }
        CountVisit(perception);
    }

    /// <inheritdoc />
    public void EndEpisode(int lastAction, bool failed, bool learnOutcome = true)
    {
        if (!learnOutcome)
            return;
        if (failed)
            _endings[(_beforeContext, lastAction)] = _endings.GetValueOrDefault((_beforeContext, lastAction)) + 1;
    }

    /// <inheritdoc />
    public bool Plans => _options.PlanningStates > 0;

    /// <inheritdoc />
    public int? ActionTowards(IPerception perception, FactCondition goal, ulong keep) => Plan(perception, goal, keep);

    /// <summary>
    /// The first action of the shortest imagined path to a state worth reaching: with a <paramref name="goal"/>,
    /// one where a known action achieves it; without, one where something is still to be learned or gained (see the
    /// remarks). Null when nothing within <see cref="ExplorationOptions.PlanningStates"/> states qualifies.
    /// </summary>
    private int? Plan(IPerception perception, FactCondition? goal, ulong keep)
    {
        if (_options.PlanningStates <= 0)
            return null;
        _frontier.Clear();
        _planned.Clear();
        TState start = Current(perception);
        _frontier.Enqueue((start, -1));
        _planned.Add(start);
        while (_frontier.Count > 0 && _planned.Count <= _options.PlanningStates)
        {
            var (state, first) = _frontier.Dequeue();
            if (goal is null && first >= 0 && Reveals(perception, state))
                return first;
            TContext context = ContextOf(perception, state);
            ulong facts = FactsOf(state);
            if (goal is null && FacesHiddenSpace(perception, state) && OpeningAction(context) is { } opening)
                return first >= 0 ? first : opening;
            for (int action = 0; action < _actionCount; action++)
            {
                int via = first >= 0 ? first : action;
                if (!Known((context, action), out var counts))
                {
                    if (goal is null)
                        return via; // never tried here
                    continue;
                }
                if (UsuallyEnds(context, action, counts))
                    continue;
                TOutcome outcome = MostFrequent(counts);
                ulong flipped = FlippedFacts(outcome);
                if ((flipped & keep & facts) != 0)
                    continue;
                TState next = After(state, outcome);
                ulong nextFacts = FactsOf(next);
                if (goal is { } wanted ? wanted.IsSatisfiedBy(new Facts(nextFacts)) && !wanted.IsSatisfiedBy(new Facts(facts))
                        : (flipped & nextFacts) != 0 && !_factsHeld.Contains(nextFacts))
                    return via;
                if (_planned.Add(next))
                    _frontier.Enqueue((next, via));
            }
        }
        return null;
    }

    /// <summary>An action that usually changes what the agent faces in <paramref name="context"/> without moving it (opens a door), or null.</summary>
    private int? OpeningAction(TContext context)
    {
        for (int action = 0; action < _actionCount; action++)
            if (_frontChanges.TryGetValue((context, action), out int changed) && Known((context, action), out var counts)
                && changed > _options.LosingShare * counts.Values.Sum())
                return action;
        return null;
    }

    /// <summary>What <paramref name="key"/>'s action is known to do: as learned, else as seen this episode while not learning.</summary>
    private bool Known((TContext Context, int Action) key, [MaybeNullWhen(false)] out Dictionary<TOutcome, int> counts) =>
        _outcomes.TryGetValue(key, out counts) || _seenThisEpisode.TryGetValue(key, out counts);

    private bool UsuallyEnds(TContext context, int action, Dictionary<TOutcome, int> counts)
    {
        int fatal = _endings.GetValueOrDefault((context, action));
        return fatal > 0 && fatal > _options.LosingShare * counts.Values.Sum();
    }

    private static TOutcome MostFrequent(Dictionary<TOutcome, int> counts)
    {
        TOutcome best = default!;
        int most = -1;
        foreach (var (outcome, n) in counts)
            if (n > most)
                (best, most) = (outcome, n);
        return best;
    }

    /// <inheritdoc />
    /// <remarks>"Usually": in more than <see cref="ExplorationOptions.LosingShare"/> of the tries.</remarks>
    public bool UsuallyLoses(IPerception perception, int action, ulong facts)
    {
        if (!Known((ContextOf(perception, Current(perception)), action), out var counts))
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
        if (!Known((ContextOf(perception, state), action), out var counts))
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
        _factsHeld.Add(FactsOf(Current(perception)));
        long key = VisitKey(Current(perception));
        _visits[key] = _visits.GetValueOrDefault(key) + 1;
    }
}
