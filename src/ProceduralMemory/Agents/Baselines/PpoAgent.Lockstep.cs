using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Baselines;

public sealed partial class PpoAgent
{
    private IEnvironment[]? _environments;
    private PpoRollout? _rollout;
    private float[] _laneFeatures = [];
    private bool[] _laneLive = [];
    private double[] _laneReturns = [];
    private int[] _laneSteps = [];
    private int _row, _lane;

    /// <inheritdoc />
    /// <remarks>
    /// The environments are stepped one after another within each lockstep row; the policy changes only between
    /// rollouts, so this is the same as stepping them at once, and lets a call end after any number of steps. When a
    /// rollout of <see cref="PpoOptions.EnvironmentCount"/> × <see cref="PpoOptions.StepsPerRollout"/> steps is
    /// complete the agent updates; a partly filled rollout waits for the next call.
    /// </remarks>
    public int Train(ITrainingFeed feed, int steps)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        EnsureLanes();
        PpoRollout rollout = _rollout!;
        int lanes = rollout.Lanes, taken = 0;
        while (taken < steps)
        {
            IEnvironment environment = _environments![_lane];
            Span<float> features = _laneFeatures.AsSpan(_lane * _featureCount, _featureCount);
            if (!_laneLive[_lane])
            {
                environment.Reset(feed.NextLayoutSeed()).Observation.WriteFeatures(features);
                (_laneLive[_lane], _laneReturns[_lane], _laneSteps[_lane]) = (true, 0, 0);
            }
            int sample = _row * lanes + _lane;
            StepResult result = environment.Step(Act(features, rollout, sample));
            _laneReturns[_lane] += result.Reward;
            _laneSteps[_lane]++;
            taken++;
            bool cutShort = _laneSteps[_lane] >= feed.EpisodeStepLimit;
            bool keepGoing = true;
            if (Record(rollout, sample, result, cutShort, features))
            {
                _laneLive[_lane] = false;
                keepGoing = feed.EpisodeEnded(new EpisodeSummary(_laneReturns[_lane], _laneSteps[_lane], result.IsSuccess, 0), taken);
            }
            if (++_lane == lanes)
            {
                _lane = 0;
                if (++_row == _options.StepsPerRollout)
                {
                    _row = 0;
                    for (int e = 0; e < lanes; e++)
                        rollout.LastValues[e] = _laneLive[e] ? Value(_laneFeatures.AsSpan(e * _featureCount, _featureCount)) : 0f;
                    Update(rollout, rollout.Capacity, TrainingSteps - rollout.Capacity);
                }
            }
            if (!keepGoing)
                break;
        }
        return taken;
    }

    private void EnsureLanes()
    {
        if (_environments is not null)
            return;
        int lanes = _options.EnvironmentCount;
        _environments = new IEnvironment[lanes];
        for (int e = 0; e < lanes; e++)
        {
            _environments[e] = _createEnvironment();
            if (_environments[e].FeatureCount != _featureCount || _environments[e].Actions.Count != _actionCount)
                throw new InvalidOperationException($"Training environment {e} ({_environments[e].Name}) does not match {_environment.Name}'s features and actions.");
        }
        _rollout = new PpoRollout(lanes, _options.StepsPerRollout, _featureCount);
        _laneFeatures = new float[lanes * _featureCount];
        _laneLive = new bool[lanes];
        _laneReturns = new double[lanes];
        _laneSteps = new int[lanes];
    }
}
