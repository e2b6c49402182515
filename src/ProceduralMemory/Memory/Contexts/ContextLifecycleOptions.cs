namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// The per-context skill lifecycle: how state keys are clustered into contexts, when a skill failing in one context is
/// split, and how rarely successful skills decay before retirement. Each part null is off.
/// </summary>
public sealed record ContextLifecycleOptions
{
    /// <summary>The most contexts founded (<see cref="SkillContexts.MaxContexts"/>).</summary>
    public int MaxContexts { get; init; } = 8;

    /// <summary>Cosine similarity below which a state key founds a new context (<see cref="SkillContexts.Similarity"/>).</summary>
    public float ContextSimilarity { get; init; } = 0.5f;

    /// <summary>When a skill is split; null never splits (contexts are still counted).</summary>
    public SplitRule? Split { get; init; } = new();

    /// <summary>How rarely successful skills decay; null (the default): no decay.</summary>
    /// <remarks>
    /// Off by default because it costs return where hard skills are rarely successful for a long time and still the
    /// only way on: on keycorridor-s3r3 (<c>bench learning --train-steps 20000 --eval-seeds 0-19</c>, seeds 0-2)
    /// decaying them cut the held-out return from 0.396 to 0.136, where splitting alone left it at 0.396 (README, "The skill lifecycle").
    /// </remarks>
    public DecayRule? Decay { get; init; }
}
