using System.Runtime.InteropServices;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// Tabular Q-learning (Watkins 1989) on the current observation alone: no memory of earlier observations, no
/// skills. A state is the 64-bit FNV-1a hash of the observation's feature vector (on MiniGrid, the 7x7 view,
/// direction and what is carried; on the grid world, the position and facts). Acts epsilon-greedily with a
/// linearly decaying epsilon; one-step updates towards <c>r + discount * max Q(s')</c>, with no bootstrap past
/// the goal (a time limit is not the task ending, so truncation still bootstraps).
/// </summary>
/// <remarks>
/// The partially observed view aliases states (the same view in different places), which is part of what this
/// baseline shows: without memory the table cannot tell them apart.
/// </remarks>
public sealed class QLearningAgent : ILearningAgent
{
    private readonly IEnvironment _environment;
    private readonly QLearningOptions _options;
    private readonly Dictionary<ulong, double[]> _table = [];
    private readonly float[] _features;
    private readonly Rng _trainingRng;
    private readonly int _actionCount;

    /// <summary>Creates an agent with an empty table for <paramref name="environment"/>.</summary>
    public QLearningAgent(IEnvironment environment, QLearningOptions? options = null)
    {
        _environment = environment;
        _options = options ?? new QLearningOptions();
        _actionCount = environment.Actions.Count;
        _features = new float[environment.FeatureCount];
        _trainingRng = new Rng(_options.Seed ^ 0x0_7AB1_E0u);
    }

    /// <inheritdoc />
    public string Name => "qlearning";

    /// <summary>Distinct states in the table.</summary>
    public int StateCount => _table.Count;

    /// <summary>Training steps taken so far (they drive the epsilon schedule).</summary>
    public long TrainingSteps { get; private set; }

    /// <summary>The current chance of a random action while training.</summary>
    public double Epsilon
    {
        get
        {
            double progress = _options.EpsilonDecaySteps <= 0 ? 1 : Math.Min(1.0, (double)TrainingSteps / _options.EpsilonDecaySteps);
            return _options.EpsilonStart + (_options.EpsilonEnd - _options.EpsilonStart) * progress;
        }
    }

    /// <inheritdoc />
    public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
    {
        // Evaluation breaks ties from the layout's own seed, so evaluating never shifts training and is repeatable.
        Rng rng = learn ? _trainingRng : new Rng((ulong)layoutSeed);
        var episode = new EpisodeRecorder(_environment, layoutSeed, maxSteps);
        ulong state = StateOf(episode.Observation);
        while (!episode.IsOver)
        {
            int action = learn && rng.NextDouble() < Epsilon ? rng.NextInt(_actionCount) : Greedy(state, rng);
            StepResult result = episode.Step(action);
            ulong next = StateOf(result.Observation);
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

    private ulong StateOf(Observation observation)
    {
        observation.WriteFeatures(_features);
        return StableHash.Fnv1a64(MemoryMarshal.AsBytes(_features.AsSpan()));
    }
}
