namespace ProceduralMemory.Memory.Attention;

/// <summary>
/// The result of attention retrieval: skills with networks and their attention weights (summing to one). Its action
/// scores are the weighted mixture of the members' action distributions (the softmax of each network's logits);
/// a single member (an exact fit, or the only candidate) acts alone on its own logits, exactly as top-1 does.
/// </summary>
/// <remarks>
/// A member's <see cref="Neural.Mlp"/> keeps scratch buffers, so a blend is used by one thread at a time, as the
/// skills' networks are.
/// </remarks>
public sealed class BlendedPolicy
{
    private readonly INetworkPolicy[] _policies;
    private readonly float[] _weights;

    private BlendedPolicy(Skill[] members, float[] weights)
    {
        Members = members;
        _weights = weights;
        _policies = members.Select(m => (INetworkPolicy)m.Policy).ToArray();
    }

    /// <summary>The skills blended, the running skill first when it is one of them.</summary>
    public IReadOnlyList<Skill> Members { get; }

    /// <summary>Each member's attention weight, in the order of <see cref="Members"/>; they sum to one.</summary>
    public IReadOnlyList<float> Weights => _weights;

    /// <summary>Whether one skill acts alone (weight one): nothing is blended.</summary>
    public bool IsSingle => Members.Count == 1;

    /// <summary>
    /// Weighs <paramref name="candidates"/> (each with an <see cref="INetworkPolicy"/>) by attention over their
    /// <paramref name="similarities"/> to the situation's key: the most similar candidate alone when its similarity
    /// reaches <see cref="AttentionRetrievalOptions.ExactFit"/>, else <c>softmax(similarity / temperature)</c> over
    /// all of them (with <see cref="AttentionRetrievalOptions.EvidencePrior"/>, each also weighed by its number of
    /// demonstrations; with <see cref="AttentionRetrievalOptions.SuccessPrior"/>, by its smoothed success rate). Ties go to the earlier candidate.
    /// </summary>
    /// <exception cref="ArgumentException">No candidates, a count mismatch, or a candidate without a network.</exception>
    public static BlendedPolicy Attend(IReadOnlyList<Skill> candidates, ReadOnlySpan<float> similarities, AttentionRetrievalOptions options)
    {
        options.Validate();
        if (candidates.Count == 0)
            throw new ArgumentException("Attention needs at least one candidate.", nameof(candidates));
        if (similarities.Length != candidates.Count)
            throw new ArgumentException($"Expected {candidates.Count} similarities, got {similarities.Length}.", nameof(similarities));
        foreach (Skill candidate in candidates)
            if (candidate.Policy is not INetworkPolicy)
                throw new ArgumentException($"Skill '{candidate.Name}' has no network to blend.", nameof(candidates));
        int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(similarities);
        if (candidates.Count == 1 || similarities[best] >= options.ExactFit)
            return new BlendedPolicy([candidates[best]], [1f]);
        var weights = new float[candidates.Count];
        if (options.EvidencePrior || options.SuccessPrior)
        {
            // softmax(s / T + ln p) = softmax((s + T ln p) / T): a prior p moves each similarity by T ln p.
            var scores = new float[candidates.Count];
            for (int i = 0; i < scores.Length; i++)
            {
                SkillStatistics statistics = candidates[i].Statistics;
                float logPrior = (options.EvidencePrior ? MathF.Log(Math.Max(1, statistics.Demonstrations)) : 0f)
                    + (options.SuccessPrior ? MathF.Log((statistics.Successes + 1f) / (statistics.Uses + 2f)) : 0f);
                scores[i] = similarities[i] + options.Temperature * logPrior;
            }
            similarities = scores;
        }
        AttentionWeights.Softmax(similarities, options.Temperature, weights);
        return new BlendedPolicy([.. candidates], weights);
    }

    /// <summary>
    /// Writes the blend's action scores for <paramref name="features"/> into <paramref name="scores"/> (one per
    /// action): a single member's logits, or the weighted mixture of the members' action probabilities. Either way
    /// the highest score is the action the blend prefers.
    /// </summary>
    public void WriteScores(ReadOnlySpan<float> features, Span<float> scores)
    {
        if (IsSingle)
        {
            _policies[0].Network.Forward(features, scores);
            return;
        }
        scores.Clear();
        Span<float> probabilities = scores.Length <= 64 ? stackalloc float[scores.Length] : new float[scores.Length];
        for (int i = 0; i < _policies.Length; i++)
        {
            _policies[i].Network.Probabilities(features, probabilities);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(probabilities, _weights[i], scores, scores);
        }
    }
}
