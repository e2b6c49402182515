namespace ProceduralMemory.Neural;

public sealed partial class VariationalEncoder
{
    /// <summary>
    /// Trains a new encoder on <paramref name="samples"/> (each <c>inputSize</c> long) with minibatch Adam for
    /// <see cref="VariationalEncoderOptions.Epochs"/> passes; the order and the noise come from the seed, so the same
    /// samples and options give the same weights bit for bit. With <paramref name="labels"/> (one per sample, from 0)
    /// and a positive <see cref="VariationalEncoderOptions.Separation"/>, each minibatch's loss adds the separation term
    /// (<see cref="SeparationLoss"/>); with a weight of 0 the labels change nothing.
    /// </summary>
    /// <returns>The encoder and its mean loss over the last epoch.</returns>
    public static (VariationalEncoder Encoder, VariationalLoss LastEpoch) Train(IReadOnlyList<float[]> samples, VariationalEncoderOptions options,
        IReadOnlyList<int>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        if (samples.Count == 0)
            throw new ArgumentException("Training needs at least one sample.", nameof(samples));
        int inputSize = samples[0].Length;
        foreach (float[] sample in samples)
        {
            if (sample.Length != inputSize)
                throw new ArgumentException($"Every sample must have {inputSize} numbers; one has {sample.Length}.", nameof(samples));
            if (sample.AsSpan().IndexOfAnyExceptInRange(float.MinValue, float.MaxValue) >= 0)
                throw new ArgumentException("Samples must be finite.", nameof(samples));
        }
        if (labels is not null && (labels.Count != samples.Count || labels.Any(l => l < 0)))
            throw new ArgumentException($"Expected a label from 0 for each of the {samples.Count} samples.", nameof(labels));
        if (options.Separation > 0f && labels is null)
            throw new ArgumentException("A separation weight needs the samples' labels: without them there is nothing to keep apart.", nameof(labels));

        var encoder = new VariationalEncoder(inputSize, options);
        int[] labelOf = labels is null ? [] : [.. labels];
        SeparationLoss? separation = options.Separation > 0f ? new SeparationLoss(options.LatentSize, labelOf.Max() + 1) : null;
        var rng = new Rng(options.Seed ^ 0x5A3B_1E5EUL);
        Adam encoderOptimizer = new(options.LearningRate), decoderOptimizer = new(options.LearningRate);
        int[] order = Enumerable.Range(0, samples.Count).ToArray();
        int latent = options.LatentSize;
        var noise = new float[Math.Min(options.BatchSize, samples.Count) * latent];
        VariationalLoss last = default;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            BehaviourCloning.Shuffle(order, rng);
            double reconstruction = 0, divergence = 0, separated = 0;
            int batches = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(start + options.BatchSize, order.Length);
                // The noise of each sample in turn, as drawn before the batch existed: the same stream either way.
                for (int k = 0; k < end - start; k++)
                    StandardNormalNoise.Fill(rng, noise.AsSpan(k * latent, latent));
                encoder.ClearGradients();
                var (batchReconstruction, batchDivergence, batchSeparation) = encoder.AccumulateBatchGradients(samples,
                    order.AsSpan(start, end - start), noise.AsSpan(0, (end - start) * latent), labelOf, separation);
                reconstruction += batchReconstruction;
                divergence += batchDivergence;
                separated += batchSeparation;
                batches++;
                encoder._encoder.ApplyGradients(encoderOptimizer);
                encoder._decoder.ApplyGradients(decoderOptimizer);
            }
            last = new VariationalLoss((float)(reconstruction / order.Length), (float)(divergence / order.Length), options.Beta,
                (float)(separated / batches), separation is null ? 0f : options.Separation);
        }
        return (encoder, last);
    }
}
