using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// The per-sample losses of PPO (Schulman et al. 2017) and their gradients with respect to the networks' outputs:
/// the clipped surrogate objective with an entropy bonus for the actor's logits, the squared error for the critic's value.
/// </summary>
public static class PpoLoss
{
    /// <summary>
    /// The actor's loss for one sample, <c>−min(ρ·A, clip(ρ, 1−ε, 1+ε)·A) − c·H(π)</c> with the probability ratio
    /// <c>ρ = π(a|s) / π_old(a|s)</c>, and into <paramref name="logitGradient"/> its gradient with respect to the
    /// logits times <paramref name="scale"/> (a minibatch's <c>1/n</c>). Where the clipped term is the smaller, the
    /// objective is flat in ρ and only the entropy term pulls on the logits. Allocates nothing.
    /// </summary>
    /// <param name="logits">The actor's logits for the sample's observation.</param>
    /// <param name="action">The action taken.</param>
    /// <param name="oldLogProbability">Its log-probability under the policy that collected the rollout.</param>
    /// <param name="advantage">The sample's (normalised) advantage A.</param>
    /// <param name="clipRange">ε.</param>
    /// <param name="entropyCoefficient">c.</param>
    /// <param name="scale">Multiplies the gradient written (not the loss returned).</param>
    /// <param name="probabilities">Scratch of the logits' length; receives the policy's probabilities.</param>
    /// <param name="logitGradient">Receives the scaled gradient, one entry per logit.</param>
    /// <returns>The sample's loss, unscaled.</returns>
    public static float Policy(ReadOnlySpan<float> logits, int action, float oldLogProbability, float advantage,
        float clipRange, float entropyCoefficient, float scale, Span<float> probabilities, Span<float> logitGradient)
    {
        if (logitGradient.Length != logits.Length)
            throw new ArgumentException($"Expected {logits.Length} logit gradients, got {logitGradient.Length}.", nameof(logitGradient));
        float negativeLogProbability = SoftmaxCrossEntropy.Forward(logits, action, probabilities);
        float ratio = MathF.Exp(-negativeLogProbability - oldLogProbability);
        float clipped = Math.Clamp(ratio, 1f - clipRange, 1f + clipRange);
        float surrogate = Math.Min(ratio * advantage, clipped * advantage);
        // d(−ρA)/d log π(a) = −ρA while the unclipped term is the minimum; nothing once the clipped one is.
        float surrogateSlope = ratio * advantage <= clipped * advantage ? -ratio * advantage : 0f;

        // log π(j) = z_j − logsumexp(z), and logsumexp(z) = z_a + (−log π(a)): exact even where π(j) underflows to 0.
        float logSumExp = logits[action] + negativeLogProbability;
        float entropy = 0f;
        for (int j = 0; j < logits.Length; j++)
            entropy -= probabilities[j] * (logits[j] - logSumExp);
        for (int j = 0; j < logits.Length; j++)
        {
            float logProbability = logits[j] - logSumExp;
            // d log π(a)/dz_j = [j = a] − π(j); dH/dz_j = −π(j)·(log π(j) + H), and the loss carries −c·H.
            float gradient = surrogateSlope * ((j == action ? 1f : 0f) - probabilities[j])
                + entropyCoefficient * probabilities[j] * (logProbability + entropy);
            logitGradient[j] = scale * gradient;
        }
        return -surrogate - entropyCoefficient * entropy;
    }

    /// <summary>
    /// The critic's loss for one sample, <c>c·½(V − R)²</c>, and in <paramref name="valueGradient"/> its derivative
    /// with respect to V times <paramref name="scale"/>.
    /// </summary>
    /// <returns>The sample's loss, unscaled.</returns>
    public static float Value(float value, float target, float coefficient, float scale, out float valueGradient)
    {
        float error = value - target;
        valueGradient = scale * coefficient * error;
        return 0.5f * coefficient * error * error;
    }
}
