using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

/// <summary>
/// Softmax over logits followed by the cross-entropy with a target class, <c>−log softmax(z)[label]</c>,
/// and its gradient with respect to the logits.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Writes <c>softmax(logits)</c> into <paramref name="probabilities"/> (same, non-zero length).</summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities) =>
        ShiftedSoftmax(logits, probabilities, out _);

    /// <summary>
    /// Returns the loss <c>−log softmax(logits)[label]</c> and writes the probabilities, which
    /// <see cref="Backward"/> needs.
    /// </summary>
    public static float Forward(ReadOnlySpan<float> logits, int label, Span<float> probabilities)
    {
        if ((uint)label >= (uint)logits.Length)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label must be in [0, {logits.Length}).");
        float logSum = ShiftedSoftmax(logits, probabilities, out float max);
        // log Σ exp(z − max) − (z[label] − max): the shift keeps exp from overflowing, and subtracting before
        // adding keeps precision when the logits are large.
        return logSum - (logits[label] - max);
    }

    /// <summary>
    /// Writes <c>scale · (probabilities − onehot(label))</c>, the gradient of <c>scale · loss</c> with respect to
    /// the logits; <paramref name="logitGradient"/> may be <paramref name="probabilities"/> itself.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> probabilities, int label, float scale, Span<float> logitGradient)
    {
        if ((uint)label >= (uint)probabilities.Length)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label must be in [0, {probabilities.Length}).");
        TensorPrimitives.Multiply(probabilities, scale, logitGradient);
        logitGradient[label] -= scale;
    }

    private static float ShiftedSoftmax(ReadOnlySpan<float> logits, Span<float> probabilities, out float max)
    {
        if (logits.IsEmpty || probabilities.Length != logits.Length)
            throw new ArgumentException($"Need equal, non-zero lengths (logits {logits.Length}, probabilities {probabilities.Length}).");
        max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, probabilities);
        TensorPrimitives.Exp(probabilities, probabilities);
        float sum = TensorPrimitives.Sum(probabilities);
        TensorPrimitives.Divide(probabilities, sum, probabilities);
        return MathF.Log(sum);
    }
}
