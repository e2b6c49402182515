using System.Numerics.Tensors;
using ProceduralMemory.Environments;
using ProceduralMemory.Neural;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// Proximal policy optimisation (Schulman et al. 2017) on our own networks, after CleanRL's <c>ppo.py</c> and RL
/// Baselines3 Zoo's MiniGrid settings (<see cref="PpoOptions"/>): separate actor and critic MLPs over the environment's
/// own observation features (<see cref="Observation.WriteFeatures"/>; on MiniGrid the one-hot 7x7 view, direction and
/// carrying, nothing privileged), several environments stepped in lockstep (<see cref="IVectorisedLearner"/>),
/// generalised advantage estimation, the clipped surrogate objective with a value loss and an entropy bonus,
/// minibatch Adam with global gradient-norm clipping, and the learning rate annealed over the budget
/// (<see cref="ITrainingBudgetAware"/>). Evaluation acts greedily: the most probable action, deterministically.
/// </summary>
/// <remarks>
/// <para>A time limit is not the task ending: where one cuts an episode, the step's reward is increased by
/// <c>γ·V(last observation)</c> and the episode ends there, as Stable-Baselines3 does (CleanRL instead treats it as
/// terminal).</para>
/// <para>Outside the harness's lockstep loop, <c>PlayEpisode(learn: true)</c> plays one episode sampling from the
/// policy and makes one PPO update from that episode alone, a single-environment rollout of the episode's length.</para>
/// <para>All randomness (initial weights, sampled actions, minibatch order) comes from <see cref="Rng"/> seeded by
/// <see cref="PpoOptions.Seed"/>; evaluation draws nothing, so it never shifts training.</para>
/// </remarks>
public sealed partial class PpoAgent : IVectorisedLearner, ITrainingBudgetAware
{
    private IEnvironment _environment;
    private Func<IEnvironment> _createEnvironment;
    private readonly PpoOptions _options;
    private readonly Mlp _actor, _critic;
    private readonly Adam _actorOptimizer, _criticOptimizer;
    private readonly Rng _rng;
    private readonly int _featureCount, _actionCount;
    private readonly float[] _logits, _probabilities, _logitGradient, _value, _valueGradient, _features;

    /// <summary>Creates an untrained agent for <paramref name="environment"/>.</summary>
    /// <param name="environment">The environment it evaluates on (and plays single episodes on).</param>
    /// <param name="options">Hyper-parameters; the defaults when null.</param>
    /// <param name="createEnvironment">
    /// Makes each of the lockstep training environments, copies of <paramref name="environment"/>; by default
    /// <see cref="EnvironmentRegistry.Create"/> of its name.
    /// </param>
    public PpoAgent(IEnvironment environment, PpoOptions? options = null, Func<IEnvironment>? createEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _options = options ?? new PpoOptions();
        _options.Validate();
        _createEnvironment = createEnvironment ?? (() => EnvironmentRegistry.Create(environment.Name));
        _featureCount = environment.FeatureCount;
        _actionCount = environment.Actions.Count;
        int[] hidden = [.. _options.HiddenSizes];
        _actor = new Mlp(_featureCount, hidden, _actionCount, _options.Seed, HiddenActivation.Tanh);
        _critic = new Mlp(_featureCount, hidden, 1, _options.Seed ^ 0x_C217_1C00UL, HiddenActivation.Tanh);
        Span<float> head = _actor.Layer(hidden.Length).Weights;
        TensorPrimitives.Multiply(head, _options.PolicyHeadScale, head);
        _actorOptimizer = new Adam(_options.LearningRate, epsilon: _options.AdamEpsilon);
        _criticOptimizer = new Adam(_options.LearningRate, epsilon: _options.AdamEpsilon);
        _rng = new Rng(_options.Seed ^ 0x_99_0A_11UL);
        _logits = new float[_actionCount];
        _probabilities = new float[_actionCount];
        _logitGradient = new float[_actionCount];
        _value = new float[1];
        _valueGradient = new float[1];
        _features = new float[_featureCount];
    }

    /// <inheritdoc />
    public string Name => "ppo";

    /// <summary>The hyper-parameters.</summary>
    public PpoOptions Options => _options;

    /// <inheritdoc />
    public int EnvironmentCount => _options.EnvironmentCount;

    /// <summary>Training steps taken so far, over all environments.</summary>
    public long TrainingSteps { get; private set; }

    /// <summary>PPO updates made so far (one per rollout).</summary>
    public int Updates { get; private set; }

    /// <summary>The step size the next update will use.</summary>
    public float CurrentLearningRate => _actorOptimizer.LearningRate;

    /// <summary>A copy of the actor (policy) network.</summary>
    public MlpWeights ActorWeights => _actor.GetWeights();

    /// <summary>A copy of the critic (value) network.</summary>
    public MlpWeights CriticWeights => _critic.GetWeights();

    /// <summary>
    /// Carries this agent, its networks, optimisers and random stream, over to <paramref name="environment"/>: it acts
    /// there from now on, and its lockstep training environments become copies of it (any unfinished rollout is
    /// dropped). How one monolithic network goes through a curriculum of tasks.
    /// </summary>
    /// <exception cref="ArgumentException">The environment's features or actions differ from the networks'.</exception>
    public void MoveTo(IEnvironment environment, Func<IEnvironment>? createEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.FeatureCount != _featureCount || environment.Actions.Count != _actionCount)
            throw new ArgumentException($"{environment.Name} has {environment.FeatureCount} features and {environment.Actions.Count} actions; " +
                $"the networks take {_featureCount} and {_actionCount}.", nameof(environment));
        _environment = environment;
        _createEnvironment = createEnvironment ?? (() => EnvironmentRegistry.Create(environment.Name));
        _environments = null;
    }

    /// <inheritdoc />
    public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        return learn ? LearnFromOneEpisode(layoutSeed, maxSteps) : PlayGreedily(layoutSeed, maxSteps);
    }

    private EpisodeSummary PlayGreedily(int layoutSeed, int maxSteps)
    {
        var episode = new EpisodeRecorder(_environment, layoutSeed, maxSteps);
        while (!episode.IsOver)
        {
            episode.Observation.WriteFeatures(_features);
            episode.Step(_actor.Predict(_features));
        }
        return episode.Summary();
    }

    /// <summary>The critic's value of <paramref name="features"/>.</summary>
    private float Value(ReadOnlySpan<float> features)
    {
        _critic.Forward(features, _value);
        return _value[0];
    }

    /// <summary>
    /// Samples an action for <paramref name="features"/> and stores the sample's features, action, log-probability
    /// and value in <paramref name="rollout"/>; returns the action.
    /// </summary>
    private int Act(ReadOnlySpan<float> features, PpoRollout rollout, int sample)
    {
        features.CopyTo(rollout.FeaturesOf(sample));
        _actor.Forward(features, _logits);
        SoftmaxCrossEntropy.Softmax(_logits, _probabilities);
        int action = Sample(_probabilities);
        rollout.Actions[sample] = action;
        rollout.LogProbabilities[sample] = -SoftmaxCrossEntropy.Forward(_logits, action, _probabilities);
        rollout.Values[sample] = Value(features);
        return action;
    }

    /// <summary>
    /// Stores a step's outcome in <paramref name="rollout"/> and writes the next observation's features into
    /// <paramref name="nextFeatures"/>; a time limit or <paramref name="cutShort"/> (a step budget) ends the episode
    /// with <c>γ·V(next)</c> added to the reward. Returns whether the episode ended.
    /// </summary>
    private bool Record(PpoRollout rollout, int sample, in StepResult result, bool cutShort, Span<float> nextFeatures)
    {
        result.Observation.WriteFeatures(nextFeatures);
        float reward = (float)result.Reward;
        bool truncated = !result.Terminated && (result.Truncated || cutShort);
        if (truncated)
            reward += _options.Discount * Value(nextFeatures);
        rollout.Rewards[sample] = reward;
        rollout.Dones[sample] = result.Terminated || truncated;
        TrainingSteps++;
        return rollout.Dones[sample];
    }

    /// <summary>An action drawn from <paramref name="probabilities"/> by inverting the cumulative distribution.</summary>
    private int Sample(ReadOnlySpan<float> probabilities)
    {
        double u = _rng.NextDouble(), cumulative = 0;
        int last = 0;
        for (int a = 0; a < probabilities.Length; a++)
        {
            if (probabilities[a] <= 0f)
                continue;
            cumulative += probabilities[a];
            last = a;
            if (u < cumulative)
                return a;
        }
        return last; // rounding left the sum just below u
    }

    private EpisodeSummary LearnFromOneEpisode(int layoutSeed, int maxSteps)
    {
        int limit = Math.Min(maxSteps, _environment.MaxSteps);
        var rollout = new PpoRollout(lanes: 1, steps: limit, _featureCount);
        var features = new float[_featureCount];
        _environment.Reset(layoutSeed).Observation.WriteFeatures(features);
        double total = 0;
        int steps = 0;
        bool success = false, done = false;
        while (!done)
        {
            int action = Act(features, rollout, steps);
            StepResult result = _environment.Step(action);
            total += result.Reward;
            success = result.IsSuccess;
            done = Record(rollout, steps, result, cutShort: steps + 1 >= limit, features);
            steps++;
        }
        Update(rollout, steps, stepsBeforeRollout: TrainingSteps - steps);
        return new EpisodeSummary(total, steps, success, 0);
    }
}
