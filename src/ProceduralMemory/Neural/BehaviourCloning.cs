namespace ProceduralMemory.Neural;

/// <summary>
/// Behaviour cloning: supervised training of an <see cref="Mlp"/> policy to predict the demonstrated action from
/// the features, by minibatch Adam on the (weighted) cross-entropy.
/// </summary>
public static class BehaviourCloning
{
    /// <summary>
    /// Trains <paramref name="network"/> in place from its current weights (so retraining as demonstrations
    /// accumulate continues where it left off, with a fresh optimiser) and reports how well it fits.
    /// </summary>
    /// <exception cref="ArgumentException">No demonstrations, or their shape does not fit the network.</exception>
    public static BehaviourCloningResult Train(Mlp network, Demonstrations demonstrations, BehaviourCloningOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(demonstrations);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = demonstrations.Count, features = network.InputSize;
        if (n == 0)
            throw new ArgumentException("There are no demonstrations to learn from.", nameof(demonstrations));
        if (demonstrations.FeatureSize != features)
            throw new ArgumentException($"Demonstrations have {demonstrations.FeatureSize} features, the network takes {features}.", nameof(demonstrations));
        for (int i = 0; i < n; i++)
        {
            if (demonstrations.Action(i) >= network.OutputSize)
                throw new ArgumentException($"Demonstration {i} has action {demonstrations.Action(i)}; the network has {network.OutputSize} actions.", nameof(demonstrations));
        }

        var rng = new Rng(options.Seed);
        var optimizer = new Adam(options.LearningRate, weightDecay: options.WeightDecay);
        int batchSize = Math.Min(options.BatchSize, n);
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        var inputs = new float[batchSize * features];
        var labels = new int[batchSize];
        var weights = new float[batchSize];

        int epoch = 0;
        while (epoch < options.Epochs)
        {
            Shuffle(order, rng);
            for (int start = 0; start < n; start += batchSize)
            {
                int size = Math.Min(batchSize, n - start);
                for (int b = 0; b < size; b++)
                {
                    int sample = order[start + b];
                    demonstrations.Features(sample).CopyTo(inputs.AsSpan(b * features, features));
                    labels[b] = demonstrations.Action(sample);
                    weights[b] = demonstrations.Weight(sample);
                }
                network.TrainStep(inputs.AsSpan(0, size * features), labels.AsSpan(0, size), optimizer, weights.AsSpan(0, size));
            }
            epoch++;
            if (options.StopAtTrainingAccuracy is { } target && Evaluate(network, demonstrations).Accuracy >= target)
                break;
        }
        (float loss, double accuracy) = Evaluate(network, demonstrations);
        return new BehaviourCloningResult(loss, accuracy, epoch);
    }

    private static (float Loss, double Accuracy) Evaluate(Mlp network, Demonstrations demonstrations)
    {
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < demonstrations.Count; i++)
        {
            loss += demonstrations.Weight(i) * network.LossAndPrediction(demonstrations.Features(i), demonstrations.Action(i), out int predicted);
            if (predicted == demonstrations.Action(i))
                correct++;
        }
        return ((float)(loss / demonstrations.Count), (double)correct / demonstrations.Count);
    }

    /// <summary>Fisher–Yates, drawing from our seeded generator so that the order is a function of the seed.</summary>
    internal static void Shuffle(int[] order, Rng rng)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
