using System.Numerics.Tensors;

namespace ProceduralMemory.Memory;

/// <summary>
/// Attention over retrieved skills: turns the similarities of the top candidates (as <see cref="SkillIndex.Search"/>
/// returns them) into weights that sum to one, <c>softmax(similarity / temperature)</c>, so that a caller can blend
/// the candidates (their policies' action scores, their keys) instead of taking only the best.
/// </summary>
public static class AttentionWeights
{
    /// <summary>
    /// Writes <c>softmax(similarities / temperature)</c> into <paramref name="weights"/>; allocates nothing. A low
    /// temperature approaches taking the best candidate, a high one averaging them all.
    /// </summary>
    public static void Softmax(ReadOnlySpan<float> similarities, float temperature, Span<float> weights)
    {
        if (!(temperature > 0f) || !float.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Must be positive and finite.");
        if (weights.Length != similarities.Length)
            throw new ArgumentException($"Expected {similarities.Length} weights, got room for {weights.Length}.", nameof(weights));
        if (similarities.IsEmpty)
            return;
        TensorPrimitives.Divide(similarities, temperature, weights);
        // Shifting by the largest logit keeps exp from overflowing at low temperatures; the weights are unchanged.
        TensorPrimitives.Subtract(weights, TensorPrimitives.Max(weights), weights);
        TensorPrimitives.Exp(weights, weights);
        TensorPrimitives.Divide(weights, TensorPrimitives.Sum(weights), weights);
    }
}
