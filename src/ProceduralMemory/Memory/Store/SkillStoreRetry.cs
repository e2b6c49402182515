using Polly;

namespace ProceduralMemory.Memory.Store;

/// <summary>Composes retries around a store.</summary>
public static class SkillStoreRetry
{
    /// <summary>
    /// <paramref name="store"/> with every operation run through <paramref name="pipeline"/> (a
    /// <see cref="RetryingSkillStore"/> that owns <paramref name="store"/>).
    /// </summary>
    public static RetryingSkillStore UseRetry(this ISkillStore store, ResiliencePipeline pipeline) => new(store, pipeline);
}
