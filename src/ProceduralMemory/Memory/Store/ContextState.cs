namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The per-context skill lifecycle's state in a library (schema 7): the contexts, each skill's counts per context and
/// the split marks. In a <see cref="LibraryCommit"/> the contexts and splits are new ones (a context number or a split
/// already stored is kept as it is: the first writer's stands) and the counts increments; in a
/// <see cref="LibraryChanges"/> what changed after its change number, counts as totals; in a
/// <see cref="LibraryDocument"/> all of it.
/// </summary>
public sealed record ContextState
{
    /// <summary>No contexts, counts or splits.</summary>
    public static ContextState Empty { get; } = new();

    /// <summary>Contexts, by ascending number.</summary>
    public IReadOnlyList<StoredContext> Contexts { get; init; } = [];

    /// <summary>Counts per skill and context, by skill then context.</summary>
    public IReadOnlyList<ContextCount> Counts { get; init; } = [];

    /// <summary>Split marks, by skill then context.</summary>
    public IReadOnlyList<StoredSplit> Splits { get; init; } = [];

    /// <summary>True when there is nothing in it.</summary>
    public bool IsEmpty => Contexts.Count == 0 && Counts.Count == 0 && Splits.Count == 0;
}
