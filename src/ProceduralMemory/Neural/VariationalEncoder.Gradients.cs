namespace ProceduralMemory.Neural;

public sealed partial class VariationalEncoder
{
    /// <summary>
    /// Adds <paramref name="scale"/> times the gradient of <see cref="Loss"/> (same input, same noise) with respect
    /// to every encoder and decoder parameter to their accumulated gradients, and returns the loss; allocates nothing.
    /// </summary>
    /// <remarks>
    /// Through the decoder by back-propagation to the code; from the code to the mean (∂z/∂μ = 1) and the
    /// log-variance (∂z/∂log σ² = ½·σ·ε); the KL term adds μ and ½(σ² − 1) to those; then through the encoder.
    /// </remarks>
    public VariationalLoss AccumulateGradients(ReadOnlySpan<float> input, ReadOnlySpan<float> noise, float scale) =>
        AccumulateGradients(input, noise, scale, []);

    /// <summary>
    /// As <see cref="AccumulateGradients(ReadOnlySpan{float}, ReadOnlySpan{float}, float)"/>, plus a gradient with respect
    /// to the code's mean from a term outside the per-sample loss (the separation term of a batch); empty for none.
    /// </summary>
    public VariationalLoss AccumulateGradients(ReadOnlySpan<float> input, ReadOnlySpan<float> noise, float scale, ReadOnlySpan<float> meanGradient)
    {
        if (!meanGradient.IsEmpty && meanGradient.Length != LatentSize)
            throw new ArgumentException($"Expected {LatentSize} mean gradients, got {meanGradient.Length}.", nameof(meanGradient));
        VariationalLoss loss = Loss(input, noise); // leaves the code, and x̂ − x in the reconstruction gradient
        for (int i = 0; i < _reconstructionGradient.Length; i++)
            _reconstructionGradient[i] *= scale;
        _decoder.Backward(_code, _reconstructionGradient, _codeGradient);
        float beta = Options.Beta;
        for (int i = 0; i < LatentSize; i++)
        {
            float mean = _statistics[i], logVariance = _statistics[LatentSize + i];
            float deviation = MathF.Exp(0.5f * logVariance);
            _statisticsGradient[i] = _codeGradient[i] + scale * beta * mean;
            _statisticsGradient[LatentSize + i] = _codeGradient[i] * 0.5f * deviation * noise[i]
                + scale * beta * 0.5f * (deviation * deviation - 1f);
            if (!meanGradient.IsEmpty)
                _statisticsGradient[i] += meanGradient[i];
        }
        _encoder.Backward(input, _statisticsGradient);
        return loss;
    }

    /// <summary>
    /// Adds the gradient of one minibatch's loss to the accumulated gradients and returns its sums: the mean over the
    /// <paramref name="batch"/>'s samples of the per-sample loss (sample <c>k</c> drawn with the <c>k</c>-th code's worth
    /// of <paramref name="noise"/>), plus <see cref="VariationalEncoderOptions.Separation"/> times the
    /// <paramref name="separation"/> term of their code means by <paramref name="labels"/> (per sample of
    /// <paramref name="samples"/>). With no separation the step is the per-sample one, number for number. Allocates nothing after the first batch with separation.
    /// </summary>
    /// <param name="samples">The training samples.</param>
    /// <param name="batch">Indices into <paramref name="samples"/>; at most <see cref="VariationalEncoderOptions.BatchSize"/>.</param>
    /// <param name="noise">Standard normal noise, <see cref="LatentSize"/> numbers per sample of the batch.</param>
    /// <param name="labels">The label of every sample of <paramref name="samples"/>; empty without a separation term.</param>
    /// <param name="separation">The separation term, or null for none.</param>
    public (double Reconstruction, double Divergence, float Separation) AccumulateBatchGradients(IReadOnlyList<float[]> samples,
        ReadOnlySpan<int> batch, ReadOnlySpan<float> noise, ReadOnlySpan<int> labels, SeparationLoss? separation)
    {
        int n = batch.Length, latent = LatentSize;
        if (n == 0 || n > Options.BatchSize)
            throw new ArgumentException($"A batch holds 1 to {Options.BatchSize} samples, not {n}.", nameof(batch));
        if (noise.Length != n * latent)
            throw new ArgumentException($"Expected {n * latent} noise numbers, got {noise.Length}.", nameof(noise));
        bool separating = separation is not null && Options.Separation > 0f;
        if (separating && labels.Length != samples.Count)
            throw new ArgumentException($"Expected a label per sample ({samples.Count}), got {labels.Length}.", nameof(labels));
        float separationLoss = 0f;
        if (separating)
        {
            if (_batchLabels is null || _batchLabels.Length < n)
            {
                // Sized by the first (largest) batch of a training run, so later batches allocate nothing.
                _batchMeans = new float[n * latent];
                _batchMeanGradients = new float[n * latent];
                _batchLabels = new int[n];
            }
            for (int k = 0; k < n; k++)
            {
                Encode(samples[batch[k]], _batchMeans!.AsSpan(k * latent, latent));
                _batchLabels[k] = labels[batch[k]];
            }
            separationLoss = separation!.Evaluate(_batchMeans!.AsSpan(0, n * latent), _batchLabels.AsSpan(0, n), Options.Separation,
                _batchMeanGradients!.AsSpan(0, n * latent));
        }
        float scale = 1f / n;
        double reconstruction = 0, divergence = 0;
        for (int k = 0; k < n; k++)
        {
            VariationalLoss loss = AccumulateGradients(samples[batch[k]], noise.Slice(k * latent, latent), scale,
                separating ? _batchMeanGradients!.AsSpan(k * latent, latent) : []);
            reconstruction += loss.Reconstruction;
            divergence += loss.Divergence;
        }
        return (reconstruction, divergence, separationLoss);
    }

    /// <summary>Sets the accumulated gradients of both networks to zero.</summary>
    public void ClearGradients()
    {
        _encoder.ClearGradients();
        _decoder.ClearGradients();
    }
}
