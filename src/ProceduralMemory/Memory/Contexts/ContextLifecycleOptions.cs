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

    /// <summary>How rarely successful skills decay; null: no decay.</summary>
    public DecayRule? Decay { get; init; } = new();
}
