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
    public VariationalLoss AccumulateGradients(ReadOnlySpan<float> input, ReadOnlySpan<float> noise, float scale)
    {
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
        }
        _encoder.Backward(input, _statisticsGradient);
        return loss;
    }

    /// <summary>Sets the accumulated gradients of both networks to zero.</summary>
    public void ClearGradients()
    {
        _encoder.ClearGradients();
        _decoder.ClearGradients();
    }
}
