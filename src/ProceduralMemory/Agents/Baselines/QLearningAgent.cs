using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// Tabular Q-learning (Watkins 1989) on the procedural memory agent's own inputs: a state is the 64-bit FNV-1a hash
/// of the perception's features and facts (on MiniGrid, what the agent has seen this episode around it and of the
/// nearest key, door and goal, its direction and what it carries; on the grid world, the position and facts), so
/// the baseline knows what the agent knows and nothing else, and no skills. Acts epsilon-greedily with a linearly
/// decaying epsilon that reaches its floor at <see cref="QLearningOptions.EpsilonDecayShare"/> of the training
/// budget (<see cref="ITrainingBudgetAware"/>); one-step updates towards <c>r + discount * max Q(s')</c>, with no
/// bootstrap past the goal (a time limit is not the task ending, so truncation still bootstraps).
/// </summary>
/// <remarks>
/// The continuous features make a large table, which is part of what this baseline shows: a table cannot
/// generalise from one layout to another the way a network over the same features can.
/// </remarks>
public sealed class QLearningAgent : ILearningAgent, ITrainingBudgetAware
{
    private readonly IEnvironment _environment;
    private readonly QLearningOptions _options;
    private readonly Dictionary<ulong, double[]> _table = [];
    private readonly IPerception _perception;
    private readonly float[] _features;
    private readonly Rng _trainingRng;
    private readonly int _actionCount;

    /// <summary>Creates an agent with an empty table for <paramref name="environment"/>.</summary>
    public QLearningAgent(IEnvironment environment, QLearningOptions? options = null)
    {
        _environment = environment;
        _options = options ?? new QLearningOptions();
        _actionCount = environment.Actions.Count;
        _perception = PerceptionFor(environment);
        // Room for the facts' 64 bits after the features, so both go into one hash.
        _features = new float[_perception.FeatureCount + 2];
        _trainingRng = new Rng(_options.Seed ^ 0x0_7AB1_E0u);
        EpsilonDecaySteps = _options.EpsilonDecaySteps;
    }

    /// <inheritdoc />
    public string Name => "qlearning";

    /// <summary>Distinct states in the table.</summary>
    public int StateCount => _table.Count;

    /// <summary>Training steps taken so far (they drive the epsilon schedule).</summary>
    public long TrainingSteps { get; private set; }

    /// <summary>The training steps over which epsilon falls to its floor, counted from the first.</summary>
    public int EpsilonDecaySteps { get; private set; }

    /// <summary>The current chance of a random action while training.</summary>
    public double Epsilon
    {
        get
        {
            double progress = EpsilonDecaySteps <= 0 ? 1 : Math.Min(1.0, (double)TrainingSteps / EpsilonDecaySteps);
            return _options.EpsilonStart + (_options.EpsilonEnd - _options.EpsilonStart) * progress;
        }
    }

    /// <inheritdoc />
    /// <remarks>Epsilon then reaches its floor <see cref="QLearningOptions.EpsilonDecayShare"/> of the way through the budget.</remarks>
    public void PlanForBudget(int trainingSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainingSteps);
        EpsilonDecaySteps = (int)Math.Min(int.MaxValue, TrainingSteps + Math.Ceiling(trainingSteps * _options.EpsilonDecayShare));
    }

    /// <inheritdoc />
    public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
    {
        // Evaluation breaks ties from the layout's own seed, so evaluating never shifts training and is repeatable.
        Rng rng = learn ? _trainingRng : new Rng((ulong)layoutSeed);
        var episode = new EpisodeRecorder(_environment, layoutSeed, maxSteps);
        _perception.Reset(episode.Observation);
        ulong state = PerceivedState();
        while (!episode.IsOver)
        {
            int action = learn && rng.NextDouble() < Epsilon ? rng.NextInt(_actionCount) : Greedy(state, rng);
            StepResult result = episode.Step(action);
            _perception.Observe(action, result.Observation);
            ulong next = PerceivedState();
            if (learn)
            {
                Update(state, action, result.Reward, next, result.Terminated);
                TrainingSteps++;
            }
            state = next;
        }
        return episode.Summary();
    }

    /// <summary>The action with the highest value in <paramref name="state"/>, ties broken uniformly by <paramref name="rng"/>.</summary>
    private int Greedy(ulong state, Rng rng)
    {
        if (!_table.TryGetValue(state, out double[]? values))
            return rng.NextInt(_actionCount); // every action is worth the initial value
        int best = 0, ties = 0;
        for (int a = 0; a < _actionCount; a++)
        {
            if (values[a] > values[best])
                (best, ties) = (a, 1);
            else if (values[a] == values[best] && rng.NextInt(++ties) == 0)
                best = a; // reservoir sampling keeps each tied action equally likely
        }
        return best;
    }

    private void Update(ulong state, int action, double reward, ulong next, bool terminated)
    {
        double target = reward;
        if (!terminated)
            target += _options.Discount * (_table.TryGetValue(next, out double[]? nextValues) ? nextValues.Max() : _options.InitialValue);
        double[] values = ValuesOf(state);
        values[action] += _options.LearningRate * (target - values[action]);
    }

    private double[] ValuesOf(ulong state)
    {
        ref double[]? values = ref CollectionsMarshal.GetValueRefOrAddDefault(_table, state, out bool exists);
        if (!exists)
        {
            values = new double[_actionCount];
            Array.Fill(values, _options.InitialValue);
        }
        return values!;
    }

    /// <summary>The table's key for what the perception holds now: its features and the facts it believes.</summary>
    private ulong PerceivedState()
    {
        int count = _features.Length - 2;
        _perception.WriteFeatures(_features.AsSpan(0, count));
        ulong facts = _perception.Facts.Bits;
        MemoryMarshal.Write(MemoryMarshal.AsBytes(_features.AsSpan(count)), in facts);
        return StableHash.Fnv1a64(MemoryMarshal.AsBytes(_features.AsSpan()));
    }

    /// <summary>The agent's perception, the same the procedural memory agent gets: the one place this baseline names it.</summary>
    private static IPerception PerceptionFor(IEnvironment environment) => Perceptions.For(environment);
}
