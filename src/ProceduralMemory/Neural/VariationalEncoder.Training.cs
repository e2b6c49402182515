namespace ProceduralMemory.Neural;

public sealed partial class VariationalEncoder
{
    /// <summary>
    /// Trains a new encoder on <paramref name="samples"/> (each <c>inputSize</c> long) with minibatch Adam for
    /// <see cref="VariationalEncoderOptions.Epochs"/> passes; the order and the noise come from the seed, so the same
    /// samples and options give the same weights bit for bit.
    /// </summary>
    /// <returns>The encoder and its mean loss over the last epoch.</returns>
    public static (VariationalEncoder Encoder, VariationalLoss LastEpoch) Train(IReadOnlyList<float[]> samples, VariationalEncoderOptions options)
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

        var encoder = new VariationalEncoder(inputSize, options);
        var rng = new Rng(options.Seed ^ 0x5A3B_1E5EUL);
        Adam encoderOptimizer = new(options.LearningRate), decoderOptimizer = new(options.LearningRate);
        int[] order = Enumerable.Range(0, samples.Count).ToArray();
        VariationalLoss last = default;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            BehaviourCloning.Shuffle(order, rng);
            double reconstruction = 0, divergence = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(start + options.BatchSize, order.Length);
                float scale = 1f / (end - start);
                encoder.ClearGradients();
                for (int i = start; i < end; i++)
                {
                    StandardNormalNoise.Fill(rng, encoder._noise);
                    VariationalLoss loss = encoder.AccumulateGradients(samples[order[i]], encoder._noise, scale);
                    reconstruction += loss.Reconstruction;
                    divergence += loss.Divergence;
                }
                encoder._encoder.ApplyGradients(encoderOptimizer);
                encoder._decoder.ApplyGradients(decoderOptimizer);
            }
            last = new VariationalLoss((float)(reconstruction / order.Length), (float)(divergence / order.Length), options.Beta);
        }
        return (encoder, last);
    }
}
