using ProceduralMemory.Memory.Attention;

namespace ProceduralMemory.Training.Attention;

/// <summary>
/// What <see cref="ZeroShotAttention"/> measures: one library trained on <see cref="TrainingTasks"/>, then played with
/// learning off on held-out layouts of those tasks and on <see cref="ChangedTasks"/> it never trained on, top-1 against
/// attention retrieval.
/// </summary>
public sealed record AttentionPlan
{
    /// <summary>The tasks the library learns, in order, one agent each, sharing the library.</summary>
    public required IReadOnlyList<string> TrainingTasks { get; init; }

    /// <summary>Tasks never trained on (zero-shot).</summary>
    public required IReadOnlyList<string> ChangedTasks { get; init; }

    /// <summary>Training steps on each training task.</summary>
    public required int StepsPerTask { get; init; }

    /// <summary>The seeds whose distinct layouts are played (and held out of training, <see cref="LayoutSplit"/>).</summary>
    public required IReadOnlyList<int> EvaluationSeeds { get; init; }

    /// <summary>
    /// The keys both are measured with, in the order played (<see cref="ZeroShotAttention.KeyKinds"/>):
    /// <see cref="ZeroShotAttention.ProjectionKeys"/>, the library as trained, and <see cref="ZeroShotAttention.EncoderKeys"/>,
    /// the library re-keyed by a situation encoder trained on it.
    /// </summary>
    public IReadOnlyList<string> Keys { get; init; } = [ZeroShotAttention.ProjectionKeys];

    /// <summary>The attention retrieval measured against top-1.</summary>
    public AttentionRetrievalOptions Attention { get; init; } = new();
}
