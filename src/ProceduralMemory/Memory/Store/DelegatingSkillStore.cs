using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A store that forwards every member to <see cref="Inner"/>: the base of decorators (such as
/// <see cref="RetryingSkillStore"/>) that add behaviour around a backend without being one.
/// </summary>
public abstract class DelegatingSkillStore : ISkillStore
{
    /// <param name="inner">The store every member is forwarded to; disposing this store disposes it.</param>
    protected DelegatingSkillStore(ISkillStore inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>The store every member is forwarded to.</summary>
    public ISkillStore Inner { get; }

    /// <inheritdoc />
    public virtual LibraryManifest? Manifest => Inner.Manifest;

    /// <inheritdoc />
    public virtual bool IsReadOnly => Inner.IsReadOnly;

    /// <inheritdoc />
    public virtual LibraryManifest Create(LibraryManifest manifest) => Inner.Create(manifest);

    /// <inheritdoc />
    public virtual CommitResult Commit(LibraryCommit commit) => Inner.Commit(commit);

    /// <inheritdoc />
    public virtual LibraryChanges ReadChanges(long sinceChange) => Inner.ReadChanges(sinceChange);

    /// <inheritdoc />
    public virtual IReadOnlyList<IReadOnlyList<AgentStep>> ReadDemonstrations(int skillId) => Inner.ReadDemonstrations(skillId);

    /// <inheritdoc />
    public virtual StoredKeyModel? ReadKeyModel() => Inner.ReadKeyModel();

    /// <inheritdoc />
    public virtual IReadOnlyList<EpisodeRecord> ReadEpisodes(int count) => Inner.ReadEpisodes(count);

    /// <inheritdoc />
    public virtual IReadOnlyList<int> Prune(PruneRule rule) => Inner.Prune(rule);

    /// <summary>Disposes <see cref="Inner"/>.</summary>
    public virtual void Dispose()
    {
        Inner.Dispose();
        GC.SuppressFinalize(this);
    }
}
