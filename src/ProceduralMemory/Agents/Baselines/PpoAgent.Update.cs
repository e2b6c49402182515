using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents.Baselines;

public sealed partial class PpoAgent
{
    private long _budgetStart, _budget;

    /// <inheritdoc />
    /// <remarks>With <see cref="PpoOptions.AnnealLearningRate"/>, the step size then falls linearly over this budget.</remarks>
    public void PlanForBudget(int trainingSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainingSteps);
        (_budgetStart, _budget) = (TrainingSteps, trainingSteps);
    }

    /// <summary>
    /// One PPO update from the first <paramref name="count"/> samples of <paramref name="rollout"/> (whole lockstep
    /// rows): advantages, then <see cref="PpoOptions.Epochs"/> passes over shuffled minibatches, each a clipped Adam
    /// step of actor and critic on the mean loss.
    /// </summary>
    /// <param name="rollout">The rollout, filled.</param>
    /// <param name="count">How many of its samples to learn from.</param>
    /// <param name="stepsBeforeRollout">Training steps before the rollout began, which the annealing schedule counts from.</param>
    private void Update(PpoRollout rollout, int count, long stepsBeforeRollout)
    {
        int lanes = rollout.Lanes;
        GeneralisedAdvantage.Compute(rollout.Rewards.AsSpan(0, count), rollout.Values.AsSpan(0, count), rollout.Dones.AsSpan(0, count),
            rollout.LastValues.AsSpan(0, lanes), _options.Discount, _options.GaeLambda, rollout.Advantages.AsSpan(0, count), rollout.Returns.AsSpan(0, count));
        SetLearningRate(count, stepsBeforeRollout);
        int[] order = rollout.Order;
        for (int i = 0; i < count; i++)
            order[i] = i;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            Shuffle(order.AsSpan(0, count));
            for (int start = 0; start < count; start += _options.MinibatchSize)
                MinibatchStep(rollout, order.AsSpan(start, Math.Min(_options.MinibatchSize, count - start)));
        }
        Updates++;
    }

    private void MinibatchStep(PpoRollout rollout, ReadOnlySpan<int> samples)
    {
        int n = samples.Length;
        float mean = 0f, scaleAdvantage = 1f;
        if (_options.NormaliseAdvantages && n > 1)
        {
            double sum = 0, squares = 0;
            foreach (int i in samples)
                sum += rollout.Advantages[i];
            mean = (float)(sum / n);
            foreach (int i in samples)
                squares += (rollout.Advantages[i] - mean) * (double)(rollout.Advantages[i] - mean);
            // The unbiased deviation plus 1e-8, as Stable-Baselines3 and CleanRL normalise.
            scaleAdvantage = (float)(1.0 / (Math.Sqrt(squares / (n - 1)) + 1e-8));
        }
        _actor.ClearGradients();
        _critic.ClearGradients();
        float scale = 1f / n;
        foreach (int i in samples)
        {
            ReadOnlySpan<float> features = rollout.FeaturesOf(i);
            _actor.Forward(features, _logits);
            PpoLoss.Policy(_logits, rollout.Actions[i], rollout.LogProbabilities[i], (rollout.Advantages[i] - mean) * scaleAdvantage,
                _options.ClipRange, _options.EntropyCoefficient, scale, _probabilities, _logitGradient);
            _actor.Backward(features, _logitGradient);
            PpoLoss.Value(Value(features), rollout.Returns[i], _options.ValueCoefficient, scale, out _valueGradient[0]);
            _critic.Backward(features, _valueGradient);
        }
        GradientClipping.ClipGlobalNorm(_options.MaxGradientNorm, _actor, _critic);
        _actor.ApplyGradients(_actorOptimizer);
        _critic.ApplyGradients(_criticOptimizer);
    }

    /// <summary>
    /// CleanRL's schedule: the initial rate times the share of the budget not yet used when the rollout began, but
    /// never below one rollout's share, so the last update still moves.
    /// </summary>
    private void SetLearningRate(int rolloutSteps, long stepsBeforeRollout)
    {
        if (!_options.AnnealLearningRate || _budget <= 0)
            return;
        double floor = Math.Min(1.0, (double)rolloutSteps / _budget);
        double remaining = 1.0 - (double)(stepsBeforeRollout - _budgetStart) / _budget;
        float rate = (float)(_options.LearningRate * Math.Max(floor, remaining));
        _actorOptimizer.LearningRate = rate;
        _criticOptimizer.LearningRate = rate;
    }

    /// <summary>Fisher–Yates from the agent's seeded generator.</summary>
    private void Shuffle(Span<int> order)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = _rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
