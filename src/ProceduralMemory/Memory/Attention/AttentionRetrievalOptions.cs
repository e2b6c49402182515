namespace ProceduralMemory.Memory.Attention;

/// <summary>
/// How attention retrieval (<see cref="AttentionRetrieval"/>) weighs the skills that could run a step: the softmax
/// temperature over their key similarities, the similarity at which one skill fits exactly and acts alone, and how
/// many candidates at most share a step.
/// </summary>
public sealed record AttentionRetrievalOptions
{
    /// <summary>
    /// The softmax temperature over cosine similarities. Keys of skills serving one effect differ by a few hundredths
    /// to a few tenths of similarity, so at 0.05 a candidate 0.1 less similar than the best gets about e^-2 (0.14) of
    /// its weight; as the temperature falls, the blend becomes the most similar candidate alone (top-1).
    /// </summary>
    public float Temperature { get; init; } = 0.05f;

    /// <summary>
    /// A candidate at least this similar (cosine) to the situation's key fits exactly: the most similar such candidate
    /// acts alone and nothing is blended. 1 blends whenever there is more than one candidate; above 1 never counts
    /// a fit as exact.
    /// </summary>
    public float ExactFit { get; init; } = 0.95f;

    /// <summary>
    /// Whether a candidate's attention also counts its evidence: its logit is <c>similarity / temperature +
    /// ln(demonstrations)</c>, so a skill cloned from one demonstration weighs as much as one from e times as many
    /// only when it is a temperature more similar. Off: attention over similarity alone.
    /// </summary>
    public bool EvidencePrior { get; init; }

    /// <summary>
    /// Whether a candidate's attention also counts how well it has done: its logit gains <c>ln((successes + 1) /
    /// (uses + 2))</c>, the log of its smoothed success rate, so the weight is similarity's softmax times that rate
    /// (renormalised). Key similarity says where a skill was learned, not how well its network acts. Off: similarity alone.
    /// </summary>
    public bool SuccessPrior { get; init; }

    /// <summary>The most candidates blended in one step (the running skill and the most similar others).</summary>
    public int MaxCandidates { get; init; } = 4;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not positive and finite, the exact fit is NaN, or fewer than one candidate is allowed.</exception>
    public void Validate()
    {
        if (!(Temperature > 0f) || !float.IsFinite(Temperature))
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Must be positive and finite.");
        if (float.IsNaN(ExactFit))
            throw new ArgumentOutOfRangeException(nameof(ExactFit), ExactFit, "Must be a number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1, nameof(MaxCandidates));
    }
}
